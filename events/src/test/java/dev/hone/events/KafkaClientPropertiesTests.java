package dev.hone.events;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientPropertiesTests {

    private final KafkaClientProperties sasl = new KafkaClientProperties(Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hone\" password=\"s3cret\";"));

    @Test
    void addsTheClusterSettingsToAClientsOwn() {
        Map<String, Object> config = sasl.applyTo(Map.of("bootstrap.servers", "kafka-0:9093", "acks", "all"));

        assertThat(config).containsEntry("bootstrap.servers", "kafka-0:9093").containsEntry("acks", "all")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config");
    }

    @Test
    void refusesToChangeASettingHoneMakesItselfAndNamesIt() {
        var weaker = new KafkaClientProperties(Map.of("acks", "1"));

        assertThatThrownBy(() -> weaker.applyTo(Map.of("acks", "all")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hone.kafka.properties.acks");
    }

    @Test
    void acceptsTheSameValueHoneSets() {
        var same = new KafkaClientProperties(Map.of("acks", "all"));

        assertThat(same.applyTo(Map.of("acks", "all"))).containsEntry("acks", "all");
    }

    @Test
    void addsToStreamsProperties() {
        var base = new Properties();
        base.put("application.id", "hone-recommender");

        Properties merged = sasl.applyTo(base);

        assertThat(merged).containsEntry("application.id", "hone-recommender").containsEntry("security.protocol", "SASL_SSL");
        assertThat(base).doesNotContainKey("security.protocol");
    }

    @Test
    void noneLeavesAClientAsItWas() {
        Map<String, Object> own = Map.of("bootstrap.servers", "127.0.0.1:19092");

        assertThat(KafkaClientProperties.NONE.applyTo(own)).isEqualTo(own);
    }

    @Test
    void printsKeysButNeverValues() {
        assertThat(sasl.toString()).contains("sasl.jaas.config").doesNotContain("s3cret").doesNotContain("SASL_SSL");
    }
}
