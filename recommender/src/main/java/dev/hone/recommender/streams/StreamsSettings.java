package dev.hone.recommender.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the recommender runs its Kafka Streams application.
 *
 * @param bootstrapServers  the brokers
 * @param applicationId     the Streams application id (consumer group and prefix of internal topics)
 * @param stateDir          where RocksDB keeps the state stores
 * @param advertisedHost    host other instances use to reach this one's HTTP API (interactive queries)
 * @param standbyReplicas   warm copies of each store on other instances, for fast fail-over
 * @param commitInterval    how often a transaction commits (EOS): the latency of a mastery update
 * @param partitions        partitions of topics created when missing
 * @param replicationFactor replicas of topics created when missing, and of internal topics
 */
@ConfigurationProperties("hone.streams")
public record StreamsSettings(
        @DefaultValue("127.0.0.1:19092") String bootstrapServers,
        @DefaultValue("hone-recommender") String applicationId,
        @DefaultValue(".hone/recommender-state") String stateDir,
        @DefaultValue("127.0.0.1") String advertisedHost,
        @DefaultValue("0") int standbyReplicas,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor) {
}
