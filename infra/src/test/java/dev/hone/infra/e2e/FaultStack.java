package dev.hone.infra.e2e;

import dev.hone.testkit.PrivateClickHouse;
import dev.hone.testkit.PrivateKafka;
import dev.hone.testkit.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * All of Hone on engines of its own, so the fault suite can kill and restart any part without
 * touching the engines the other tests share: a private broker, a private ClickHouse, and the
 * three services from their packaged jars (two recommender instances in one group).
 */
final class FaultStack implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    final PrivateKafka kafka;
    final PrivateClickHouse clickHouse;
    final String database = "hone_fault";
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final HttpJson http;

    FaultStack(Path dir, HttpJson http) throws IOException {
        this.http = http;
        kafka = PrivateKafka.startIn(dir.resolve("kafka"));
        clickHouse = PrivateClickHouse.startIn(dir.resolve("clickhouse"));
        for (String name : List.of("ingest", "recommender", "recommender-2", "analytics")) {
            ports.put(name, ServiceProcess.freePort());
        }
        env.putAll(Map.of(
                "HONE_KAFKA_BOOTSTRAP", kafka.bootstrap(),
                "HONE_CLICKHOUSE_URL", clickHouse.httpUrl(),
                "HONE_CLICKHOUSE_DATABASE", database,
                "HONE_RECOMMENDER_URL", "http://127.0.0.1:" + ports.get("recommender"),
                "HONE_INGEST_PORT", Integer.toString(ports.get("ingest")),
                "HONE_ANALYTICS_PORT", Integer.toString(ports.get("analytics")),
                "HONE_ANALYTICS_URL", "http://127.0.0.1:" + ports.get("analytics"),
                "HONE_DEV_TOKEN_SECRET", TestTokens.SECRET));
        for (String name : List.of("recommender", "recommender-2", "ingest", "analytics")) {
            start(name);
        }
        for (String name : List.of("recommender", "recommender-2", "ingest", "analytics")) {
            awaitReady(name);
        }
    }

    /** Starts (or restarts) one service; recommender instances keep their own state folder. */
    void start(String name) {
        Map<String, String> own = new HashMap<>(env);
        String module = name.startsWith("recommender") ? "recommender" : name;
        if (module.equals("recommender")) {
            own.put("HONE_RECOMMENDER_PORT", Integer.toString(ports.get(name)));
            own.put("HONE_RECOMMENDER_STATE_DIR", Path.of("target", "fault", name + "-state").toAbsolutePath().toString());
        }
        try {
            services.put(name, ServiceProcess.start(module, name, ports.get(name), own));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady(String name) {
        ServiceProcess service = services.get(name);
        await(name + " ready").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class).until(() -> {
                    assertThat(service.isAlive()).as(name + " exited; see " + service.log()).isTrue();
                    return http.get(service.url() + "/actuator/health/readiness").status() == 200;
                });
    }

    /** SIGKILL, as a crashed machine would end it. */
    void kill(String name) throws InterruptedException {
        services.remove(name).kill();
    }

    String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        kafka.close();
        clickHouse.close();
    }

    static Path freshDir() {
        try {
            Path dir = Path.of("target", "fault");
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
