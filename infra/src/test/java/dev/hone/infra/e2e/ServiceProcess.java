package dev.hone.infra.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Hone service started from its packaged jar, as `./hone up` starts it. */
final class ServiceProcess implements AutoCloseable {

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

    /** Starts {@code <module>/target/<module>-exec.jar} with the given environment. */
    static ServiceProcess start(String module, int port, Map<String, String> env) throws IOException {
        return start(module, module, port, env);
    }

    /** As {@link #start(String, int, Map)}, logging to {@code target/e2e-logs/<name>.log} (two instances of one module). */
    static ServiceProcess start(String module, String name, int port, Map<String, String> env) throws IOException {
        Path jar = Path.of("..", module, "target", module + "-exec.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with 'mvn verify' from the repository root");
        }
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        Path log = logs.resolve(name + ".log");
        var builder = new ProcessBuilder(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The exit code once the process ended by itself within {@code wait}, or empty while it still runs. */
    java.util.OptionalInt awaitExit(java.time.Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** Ends the service as a crash would: SIGKILL, no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
