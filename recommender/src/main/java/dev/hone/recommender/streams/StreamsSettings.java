package dev.hone.recommender.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

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
 * @param minFreeStateSpace the free space the state directory's disk must keep: below it the
 *                          recommender stops cleanly (commits, closes its stores, exits) instead
 *                          of letting RocksDB fail mid-write; size it to leave room for a compaction
 * @param stateSpaceCheck   how often that free space is checked
 * @param exitOnFailure     end the process when the Streams client stops for good (a failure or
 *                          the space check), so a supervisor (Kubernetes, ./hone up) restarts or
 *                          reports it; in-process tests turn it off
 * @param leaveGroupOnClose leave the consumer group when the instance closes (SIGTERM, the space
 *                          check), so the others take its partitions over at once. Kafka Streams
 *                          stays in the group by default, which only pays off with static
 *                          membership: a dynamic member comes back under a new member id anyway,
 *                          and until the old one's session times out (45 s) the group cannot
 *                          finish a rebalance, so no partition of that group is processed. Turn it
 *                          off when {@code group.instance.id} is set through hone.kafka.properties
 * @param itemFlushInterval how often each learner task sends the item side one delta per question
 *                          it saw answers to since the last time (wall-clock): the delay before an
 *                          answer shows in {@code hone.items.v1}; longer means fewer item records
 *                          (one per question and task per interval instead of one per answer)
 * @param producerBatchSize the Streams producers' {@code batch.size}: how many bytes of one
 *                          partition's records go in one produce request. Streams lets them linger
 *                          100 ms, and under exactly-once nothing is visible before the commit, so
 *                          a batch larger than Kafka's 16 KB costs no latency. Each partition being
 *                          written holds one batch of this size from the producer's 32 MB
 *                          {@code buffer.memory}. {@code hone.kafka.properties.batch.size} wins
 * @param learnerMemory     heap the instance's learner tasks hold recently written learner states in
 *                          (their stored form, ~0.3-2.5 KB each): an answer of a learner held there
 *                          reads no RocksDB. A write past it makes its store write what it holds
 *                          to RocksDB and let go of states until the instance is back under 90%;
 *                          a state let go of is read from RocksDB
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
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("100MB") DataSize minFreeStateSpace,
        @DefaultValue("5s") Duration stateSpaceCheck,
        @DefaultValue("true") boolean exitOnFailure,
        @DefaultValue("true") boolean leaveGroupOnClose,
        @DefaultValue("1s") Duration itemFlushInterval,
        @DefaultValue("128KB") DataSize producerBatchSize,
        @DefaultValue("64MB") DataSize learnerMemory) {

    /** {@code producerBatchSize}'s default, for code that builds settings itself (the bench). */
    public static final DataSize DEFAULT_PRODUCER_BATCH_SIZE = DataSize.ofKilobytes(128);
    /** {@code learnerMemory}'s default, for code that builds settings itself (the bench). */
    public static final DataSize DEFAULT_LEARNER_MEMORY = DataSize.ofBytes(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
}
