package dev.hone.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A one-node KRaft broker of a test's own, for the tests that restart the broker on purpose (the
 * shared one from {@link Engines} must stay up for every other test). Runs {@code kafka.Kafka}
 * from {@code infra/target/broker-lib} with {@code infra/kafka}'s configuration, as {@code ./hone}
 * does, on free ports; its log folder survives {@link #kill()} so {@link #start()} brings the
 * same topics, offsets and transactions back.
 */
public final class PrivateKafka implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path infra;
    private final int port;
    private final EngineProcess process = new EngineProcess();

    private PrivateKafka(Path dir, Path infra, int port) {
        this.dir = dir;
        this.infra = infra;
        this.port = port;
    }

    /** Formats a log folder in {@code dir} and starts the broker. */
    public static PrivateKafka startIn(Path dir) {
        Path infra = InfraFiles.find();
        try {
            Files.createDirectories(dir);
            int port = InfraFiles.freePort();
            String config = Files.readString(infra.resolve("kafka").resolve("server.properties.template"))
                    .replace("@DIR@", dir.toAbsolutePath().toString())
                    .replace("@PORT@", Integer.toString(port))
                    .replace("@CONTROLLER_PORT@", Integer.toString(InfraFiles.freePort()));
            Files.writeString(dir.resolve("server.properties"), config);
            PrivateKafka kafka = new PrivateKafka(dir, infra, port);
            kafka.run("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", dir.resolve("server.properties").toAbsolutePath().toString()).waitFor();
            kafka.start();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a private Kafka broker in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the broker's storage", e);
        }
    }

    /** Starts the broker (again) on the same ports and log folder and waits until it serves metadata. */
    public synchronized void start() {
        if (process.isAlive()) {
            return;
        }
        process.awaitReady(run("kafka.Kafka", dir.resolve("server.properties").toAbsolutePath().toString()), this::servesMetadata,
                START_TIMEOUT, "private Kafka", dir.resolve("broker.log"));
    }

    /** Stops the broker as a crash would (SIGKILL). */
    public synchronized void kill() {
        process.kill();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        kill();
    }

    private boolean servesMetadata() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Process run(String mainClass, String... args) {
        Path lib = infra.resolve("target").resolve("broker-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: package the infra module first (./hone test does)");
        }
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + infra.resolve("kafka").resolve("log4j2.yaml").toAbsolutePath(),
                "-cp", lib.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + mainClass, e);
        }
    }
}
