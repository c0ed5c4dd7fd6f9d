package dev.hone.recommender.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One recommender started from its packaged jar, as `./hone up` starts it; it can be killed hard. */
final class RecommenderProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private RecommenderProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code target/recommender-exec.jar} (built by the package phase, before failsafe runs). */
    static RecommenderProcess start(String name, int port, Map<String, String> env) throws IOException {
        Path jar = Path.of("target", "recommender-exec.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with ./hone test -pl recommender -am");
        }
        Path log = Files.createDirectories(Path.of("target", "cluster-logs")).resolve(name + ".log");
        var builder = new ProcessBuilder(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("HONE_RECOMMENDER_PORT", Integer.toString(port));
        return new RecommenderProcess(name, port, builder.start(), log);
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

    /** SIGKILL: no shutdown hook, no flush, no transaction commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

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
