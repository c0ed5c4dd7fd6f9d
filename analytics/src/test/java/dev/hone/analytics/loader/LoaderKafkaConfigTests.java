package dev.hone.analytics.loader;

import dev.hone.events.KafkaClientProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoaderKafkaConfigTests {

    private final LoaderSettings settings = new LoaderSettings("kafka-0.kafka:9093", "hone-analytics", 20_000,
            Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofDays(31), true, false);

    @Test
    void clusterSettingsReachBothLoaderConsumers() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "hone.kafka.properties.security.protocol", "SSL",
                "hone.kafka.properties.ssl.truststore.location", "/etc/hone/kafka/truststore.p12",
                "hone.kafka.properties.ssl.truststore.type", "PKCS12")));
        KafkaClientProperties client = new KafkaClientConfig().kafkaClientProperties(environment);

        for (Map<String, Object> consumer : java.util.List.of(
                AnswerLoader.consumerConfig(settings, client), LearnerLoader.consumerConfig(settings, client))) {
            assertThat(consumer).containsEntry("security.protocol", "SSL")
                    .containsEntry("ssl.truststore.location", "/etc/hone/kafka/truststore.p12")
                    .containsEntry("ssl.truststore.type", "PKCS12").containsEntry("enable.auto.commit", false);
        }
        assertThat(AnswerLoader.consumerConfig(settings, client)).containsEntry("isolation.level", "read_committed");
    }
}
