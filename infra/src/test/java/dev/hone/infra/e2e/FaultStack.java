package dev.hone.infra.e2e;

import dev.hone.testkit.PrivateClickHouse;
import dev.hone.testkit.PrivateKafka;
import dev.hone.testkit.ServiceProcess;
import dev.hone.testkit.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * All of Hone on engines of its own, so the fault suite can kill and restart any part without
 * touching the engines the other tests share: a private broker, a private ClickHouse, and the
 * three services from their packaged jars (two recommender instances in one group). Topics have 12
 * partitions, so scenarios can add instances ({@code recommender-3}, {@code analytics-2}, ...) and
 * each still gets a share.
 */
final class FaultStack implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    /**
     * How soon the group notices a killed member (Kafka's default is 45 s). Only the suite's consumers
     * (the recommender's Streams threads, the loaders) get it: until a killed member's session ends no
     * rebalance of its group can finish, and scenarios 3 and 4 kill one on purpose. What they check,
     * nothing lost or doubled, does not depend on how soon that is.
     */
    private static final String SESSION_TIMEOUT_MS = "15000";

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
            port(name);
        }
        env.put("HONE_KAFKA_PARTITIONS", "12");
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

    /**
     * Starts (or restarts) one service; {@code NAME} or {@code NAME-N} for further instances of a
     * module, each on a port of its own, recommender instances each with their own state folder.
     */
    void start(String name) {
        start(name, Map.of());
    }

    /** As {@link #start(String)}, with settings of this instance's own ({@code overrides} win). */
    void start(String name, Map<String, String> overrides) {
        Map<String, String> own = new HashMap<>(env);
        String module = name.replaceFirst("-\\d+$", "");
        if (module.equals("recommender") || module.equals("analytics")) {
            own.put("HONE_KAFKA_PROPERTIES_SESSION_TIMEOUT_MS", SESSION_TIMEOUT_MS);
        }
        if (module.equals("recommender")) {
            own.put("HONE_RECOMMENDER_PORT", Integer.toString(port(name)));
            own.put("HONE_RECOMMENDER_STATE_DIR", Path.of("target", "fault", name + "-state").toAbsolutePath().toString());
        } else if (module.equals("analytics")) {
            own.put("HONE_ANALYTICS_PORT", Integer.toString(port(name)));
        }
        own.putAll(overrides);
        try {
            services.put(name, ServiceProcess.start(module, name, port(name), own));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady(String name) {
        awaitReadiness(name, "ready", Duration.ofMillis(500), readiness -> readiness.status() == 200);
    }

    /**
     * Waits until a recommender instance runs tasks of its own. A new instance is ready (RUNNING)
     * with no tasks at first; its share comes with the follow-up rebalance, and it is RUNNING again
     * once their stores are open. Its share may be warm-up copies (standby tasks) when the others
     * are far ahead of an empty state (over acceptable.recovery.lag): their stores open the same way.
     */
    void awaitTasks(String name) {
        awaitReadiness(name, "running its own tasks", Duration.ofMillis(250), readiness -> {
            var details = readiness.body().path("components").path("streams").path("details");
            return details.path("state").asText().equals("RUNNING")
                    && details.path("activeTasks").asInt() + details.path("standbyTasks").asInt() > 0;
        });
    }

    /** Polls an instance's readiness until {@code done} holds, failing at once if the instance exits. */
    private void awaitReadiness(String name, String what, Duration poll, Predicate<HttpJson.Reply> done) {
        ServiceProcess service = services.get(name);
        await(name + " " + what).atMost(STARTUP).pollInterval(poll)
                .ignoreExceptionsInstanceOf(UncheckedIOException.class).until(() -> {
                    assertThat(service.isAlive()).as(name + " exited; see " + service.log()).isTrue();
                    return done.test(http.get(service.url() + "/actuator/health/readiness"));
                });
    }

    /** SIGKILL, as a crashed machine would end it. */
    void kill(String name) throws InterruptedException {
        services.remove(name).kill();
    }

    /** Stops an instance as a scale-in does: SIGTERM, so it leaves its groups and closes cleanly. */
    void stop(String name) throws InterruptedException {
        services.remove(name).close();
    }

    /** The running process of an instance, to watch it exit by itself. */
    ServiceProcess process(String name) {
        return services.get(name);
    }

    /** Forgets an instance that exited by itself. */
    void forget(String name) {
        services.remove(name);
    }

    String url(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    private int port(String name) {
        return ports.computeIfAbsent(name, n -> {
            try {
                return ServiceProcess.freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
