package dev.hone.ingest.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How ingest reaches Kafka.
 *
 * @param bootstrapServers  the brokers, e.g. 127.0.0.1:19092
 * @param partitions        partitions of topics created when missing
 * @param replicationFactor replicas of topics created when missing (1 for the local broker)
 * @param produceTimeout    how long an answer may wait for the broker's acknowledgement before the request fails with 503
 */
@ConfigurationProperties("hone.kafka")
public record KafkaSettings(
        @DefaultValue("127.0.0.1:19092") String bootstrapServers,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration produceTimeout) {
}
