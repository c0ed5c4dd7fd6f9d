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
 * @param singleLinger      how long the producer of single answers (and learner records) waits for more records to share a
 *                          request with: none by default, since every such request waits for its acknowledgement
 *                          (2 ms of linger were half of a single answer's median latency)
 * @param batchLinger       the same for the producer of batches and xAPI statement lists, whose answers arrive together
 */
@ConfigurationProperties("hone.kafka")
public record KafkaSettings(
        @DefaultValue("127.0.0.1:19092") String bootstrapServers,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("10s") Duration produceTimeout,
        @DefaultValue("0ms") Duration singleLinger,
        @DefaultValue("2ms") Duration batchLinger) {
}
