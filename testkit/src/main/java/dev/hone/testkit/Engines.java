package dev.hone.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Where the integration tests find the real engines. In order:
 * <ol>
 *   <li>the environment set by {@code ./hone test}: {@value #KAFKA_ENV} and {@value #CLICKHOUSE_ENV};</li>
 *   <li>Testcontainers, where a Docker engine is available;</li>
 *   <li>otherwise the test fails at once, saying how to start the engines.</li>
 * </ol>
 * Never a mock: these tests exist to talk to the real Kafka and ClickHouse.
 */
public final class Engines {

    public static final String KAFKA_ENV = "HONE_TEST_KAFKA_BOOTSTRAP";
    public static final String CLICKHOUSE_ENV = "HONE_TEST_CLICKHOUSE_HTTP";

    private static final String HOW_TO =
            "Integration tests need a real Kafka broker and ClickHouse server. Run them with ./hone test "
                    + "(it starts both and sets " + KAFKA_ENV + " and " + CLICKHOUSE_ENV + "), set those variables "
                    + "to running engines yourself, or run where a Docker engine is available for Testcontainers.";

    private static KafkaContainer kafkaContainer;
    private static ClickHouseContainer clickHouseContainer;

    private Engines() {
    }

    /** Bootstrap servers of a real broker, e.g. {@code 127.0.0.1:29092}. */
    public static synchronized String kafkaBootstrap() {
        String fromEnv = System.getenv(KAFKA_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        requireDocker();
        if (kafkaContainer == null) {
            kafkaContainer = new KafkaContainer("apache/kafka:4.1.1");
            kafkaContainer.start();
        }
        return kafkaContainer.getBootstrapServers();
    }

    /** Base HTTP URL of a real ClickHouse server, e.g. {@code http://127.0.0.1:28123}. */
    public static synchronized String clickHouseHttp() {
        String fromEnv = System.getenv(CLICKHOUSE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        requireDocker();
        if (clickHouseContainer == null) {
            clickHouseContainer = new ClickHouseContainer("clickhouse/clickhouse-server:24.8");
            clickHouseContainer.start();
        }
        return "http://" + clickHouseContainer.getHost() + ":" + clickHouseContainer.getMappedPort(8123);
    }

    private static void requireDocker() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            throw new IllegalStateException(HOW_TO);
        }
    }
}
