package dev.hone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A ClickHouse server of a test's own, for the tests that stop the database on purpose (the
 * shared one from {@link Engines} must stay up for every other test). Rendered from the same
 * {@code infra/clickhouse} files as {@code ./hone}'s engines, on free ports, with its data in a
 * folder that survives {@link #kill()} so {@link #start()} brings the same tables back.
 */
public final class PrivateClickHouse implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int httpPort;
    private final EngineProcess process = new EngineProcess();

    private PrivateClickHouse(Path dir, int httpPort) {
        this.dir = dir;
        this.httpPort = httpPort;
    }

    /** Renders a config into {@code dir} and starts the server; fails with the error log when it does not come up. */
    public static PrivateClickHouse startIn(Path dir) {
        Path infra = InfraFiles.find().resolve("clickhouse");
        try {
            for (String sub : new String[]{"log", "data", "tmp", "user_files", "format_schemas"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            int http = InfraFiles.freePort();
            String config = Files.readString(infra.resolve("config.xml.template"))
                    .replace("@DIR@", dir.toAbsolutePath().toString())
                    .replace("@HTTP_PORT@", Integer.toString(http))
                    .replace("@TCP_PORT@", Integer.toString(InfraFiles.freePort()))
                    .replace("@INTERSERVER_PORT@", Integer.toString(InfraFiles.freePort()));
            Files.writeString(dir.resolve("config.xml"), config);
            Files.copy(infra.resolve("users.xml"), dir.resolve("users.xml"), StandardCopyOption.REPLACE_EXISTING);
            PrivateClickHouse server = new PrivateClickHouse(dir, http);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a private ClickHouse in " + dir, e);
        }
    }

    /** Starts the server (again) on the same ports and data, and waits until it answers /ping. */
    public synchronized void start() {
        if (process.isAlive()) {
            return;
        }
        try {
            Process started = new ProcessBuilder("clickhouse-server", "--config-file=" + dir.resolve("config.xml").toAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log").resolve("stdout.log").toFile())
                    .start();
            process.awaitReady(started, this::answersPing, START_TIMEOUT, "private ClickHouse", dir.resolve("log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run clickhouse-server (./hone test installs it from Debian's packages)", e);
        }
    }

    /** Stops the server as a crash would (SIGKILL), keeping its data folder. */
    public synchronized void kill() {
        process.kill();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public boolean answersPing() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(httpUrl() + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
