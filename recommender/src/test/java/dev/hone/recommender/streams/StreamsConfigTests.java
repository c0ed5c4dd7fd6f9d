package dev.hone.recommender.streams;

import dev.hone.events.KafkaClientProperties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsConfigTests {

    private final StreamsSettings settings = new StreamsSettings("kafka-0.kafka:9093", "hone-recommender", "/var/lib/hone/state",
            "hone-recommender-0.hone-recommender", 1, Duration.ofMillis(100), 12, (short) 3,
            DataSize.ofMegabytes(100), Duration.ofSeconds(5), true, true, Duration.ofSeconds(1), StreamsSettings.DEFAULT_PRODUCER_BATCH_SIZE,
            StreamsSettings.DEFAULT_LEARNER_MEMORY);

    @Test
    void clusterSettingsReachEveryClientInsideStreams() {
        KafkaClientProperties client = bound(Map.of(
                "hone.kafka.properties.security.protocol", "SASL_SSL",
                "hone.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "hone.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"));

        var streams = new StreamsConfig(StreamsRunner.streamsConfig(settings, client, 8081));

        for (Map<String, Object> inner : java.util.List.of(
                streams.getMainConsumerConfigs("hone-recommender", "c", 0),
                streams.getRestoreConsumerConfigs("c"),
                streams.getProducerConfigs("p"),
                streams.getAdminConfigs("a"),
                StreamsRunner.adminConfig(settings, client))) {
            assertThat(inner).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKey("sasl.jaas.config");
        }
    }

    @Test
    void clusterShapeComesFromTheSettings() {
        var streams = new StreamsConfig(StreamsRunner.streamsConfig(settings, KafkaClientProperties.NONE, 8081));

        assertThat(streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(streams.getString(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("hone-recommender-0.hone-recommender:8081");
        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void producersBatchUpToTheSettingSinceExactlyOnceHoldsRecordsUntilTheCommitAnyway() {
        var streams = new StreamsConfig(StreamsRunner.streamsConfig(settings, KafkaClientProperties.NONE, 8081));

        assertThat(streams.getProducerConfigs("p")).containsEntry("batch.size", 128 * 1024).containsEntry("linger.ms", "100");
        assertThat(streams.getMainConsumerConfigs("hone-recommender", "c", 0)).doesNotContainKey("batch.size");
    }

    @Test
    void theBatchSizeAndLearnerMemoryDefaultsAreTheConstantsTheBenchUses() {
        var bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource())
                .bindOrCreate("hone.streams", StreamsSettings.class);

        assertThat(bound.producerBatchSize()).isEqualTo(StreamsSettings.DEFAULT_PRODUCER_BATCH_SIZE);
        assertThat(bound.learnerMemory()).isEqualTo(StreamsSettings.DEFAULT_LEARNER_MEMORY);
    }

    @Test
    void aBatchSizeGivenForEveryServicesClientsWins() {
        KafkaClientProperties client = bound(Map.of("hone.kafka.properties.batch.size", "32768"));

        var streams = new StreamsConfig(StreamsRunner.streamsConfig(settings, client, 8081));

        assertThat(streams.getProducerConfigs("p")).containsEntry("batch.size", "32768");
    }

    @Test
    void theGroupMemberLeavesOnCloseSoTheOthersNeedNotWaitOutItsSession() {
        var streams = new StreamsConfig(StreamsRunner.streamsConfig(settings, KafkaClientProperties.NONE, 8081));

        assertThat(streams.getMainConsumerConfigs("hone-recommender", "c", 0)).containsEntry(StreamsRunner.LEAVE_GROUP_ON_CLOSE, true);
    }

    @Test
    void aClientSettingGivenAsAnEnvironmentVariableReachesTheConsumers() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("HONE_KAFKA_PROPERTIES_SESSION_TIMEOUT_MS", "15000")));
        var client = new KafkaClientConfig().kafkaClientProperties(environment);

        var streams = new StreamsConfig(StreamsRunner.streamsConfig(settings, client, 8081));

        assertThat(streams.getMainConsumerConfigs("hone-recommender", "c", 0)).containsEntry("session.timeout.ms", "15000");
    }

    private static KafkaClientProperties bound(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new KafkaClientConfig().kafkaClientProperties(environment);
    }
}
