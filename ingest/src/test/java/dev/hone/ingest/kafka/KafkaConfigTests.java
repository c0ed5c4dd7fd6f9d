package dev.hone.ingest.kafka;

import dev.hone.events.KafkaClientProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigTests {

    private final KafkaConfig config = new KafkaConfig();
    private final KafkaSettings settings = new KafkaSettings("kafka-0.kafka:9093", 12, (short) 3, Duration.ofSeconds(10),
            Duration.ZERO, Duration.ofMillis(2));

    @Test
    void clusterSettingsFromEnvironmentVariablesReachTheProducerAndTheAdmin() {
        KafkaClientProperties client = config.kafkaClientProperties(environment(Map.of(
                "HONE_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                "HONE_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN",
                "HONE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/hone/kafka/truststore.p12")));

        Map<String, Object> producer = KafkaConfig.producerConfig(settings, client);
        Map<String, Object> admin = KafkaConfig.adminConfig(settings, client);

        for (Map<String, Object> clientConfig : new Map[] {producer, admin}) {
            assertThat(clientConfig).containsEntry("bootstrap.servers", "kafka-0.kafka:9093")
                    .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("ssl.truststore.location", "/etc/hone/kafka/truststore.p12");
        }
        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }

    @Test
    void singleAnswersAreSentAtOnceAndBatchesLinger() {
        Map<String, Object> single = KafkaConfig.producerConfig(settings, KafkaClientProperties.NONE);
        Map<String, Object> batch = KafkaConfig.batchProducerConfig(settings, KafkaClientProperties.NONE);

        assertThat(single).containsEntry("linger.ms", 0).containsEntry("client.id", "hone-ingest").containsEntry("buffer.memory", 8L << 20);
        assertThat(batch).containsEntry("linger.ms", 2).containsEntry("client.id", "hone-ingest-batch");
        for (Map<String, Object> producer : List.of(single, batch)) {
            assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
        }
    }

    @Test
    void withoutClusterSettingsTheProducerIsAsBefore() {
        KafkaClientProperties client = config.kafkaClientProperties(environment(Map.of()));

        assertThat(client).isEqualTo(KafkaClientProperties.NONE);
        assertThat(KafkaConfig.producerConfig(settings, client)).doesNotContainKey("security.protocol")
                .containsEntry("acks", "all");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}
