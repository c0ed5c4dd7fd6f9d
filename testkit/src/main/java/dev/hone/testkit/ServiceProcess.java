package dev.hone.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One Hone service started from its packaged jar, as {@code ./hone up} starts it (same JVM
 * options), logging to {@code target/service-logs/<name>.log}; it can be stopped as a scale-in
 * does or killed as a crash would.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <module>-exec.jar}, found in {@code target/} when the tests run in that module
     * (the package phase built it before failsafe) or in {@code ../<module>/target/} from another.
     * {@code name} tells instances of one module apart in the logs.
     */
    public static ServiceProcess start(String module, String name, int port, Map<String, String> env) throws IOException {
        Path jar = jarOf(module);
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(name + ".log");
        var builder = new ProcessBuilder(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    private static Path jarOf(String module) {
        String file = module + "-exec.jar";
        for (Path jar : List.of(Path.of("target", file), Path.of("..", module, "target", file))) {
            if (Files.exists(jar) && jar.toAbsolutePath().normalize().getParent().getParent().getFileName().toString().equals(module)) {
                return jar.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(file + " is missing: build with 'mvn -DskipTests package' or run the tests with ./hone test");
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The exit code once the process ended by itself within {@code wait}, or empty while it still runs. */
    public OptionalInt awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** SIGKILL, as a crash would end it: no shutdown hook, no flush, no commit, no leaving the group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a scale-in ends it: the service leaves its groups and closes cleanly. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
