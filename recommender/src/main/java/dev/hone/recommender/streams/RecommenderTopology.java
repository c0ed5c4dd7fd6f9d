package dev.hone.recommender.streams;

import dev.hone.events.Topics;
import dev.hone.recommender.item.ItemCalibrator;
import dev.hone.recommender.learner.LearnerEngines;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.List;

/**
 * The recommender's topology, built apart from running it:
 * <pre>
 *   hone.answers.v1 (bytes)  -> learner processor --[learner-state store]-> hone.mastery.v1
 *   hone.learners.v1 (bytes) -> profile processor --/  (track; tombstone = erase)
 *                     learner processor --[item-deltas store]-> every flush interval, one delta of
 *                     accepted answers per touched question, keyed by question -> {app id}-item-answers
 *   {app id}-item-answers -> item processor --[item-stats store]-> hone.items.v1 (compacted), once per delta
 *   hone.items.v1 -> global store "items" on every instance (the GlobalKTable the queue reads)
 *                                              all -> hone.dlq.v1 (unreadable records)
 * </pre>
 * The contract's topics carry JSON; the recommender's own records (learner state, item answers
 * deltas in the learner side's store and on the re-key topic, item statistics in its stores) are binary, each readable from the JSON it
 * was written as before. Values are read as bytes and parsed inside the processors, so a poison record is routed to
 * the dead-letter topic with its reason instead of stopping the stream. The item side has its
 * own dead-letter sink node: one shared sink would join both sides into one sub-topology.
 */
public final class RecommenderTopology {

    public static final String LEARNER_STORE = "learner-state";
    public static final String ITEM_STATS_STORE = "item-stats";
    /** A learner task's accepted answers per question since its last flush to the item side. */
    public static final String ITEM_DELTAS_STORE = "item-deltas";
    /** How often a learner task sends its pending item deltas unless configured otherwise. */
    public static final Duration DEFAULT_ITEM_FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** Memory an instance holds recently written learner states in ({@link WriteBackStore}), by default. */
    public static final long DEFAULT_LEARNER_MEMORY = 64L << 20;
    /** The global copy of hone.items.v1, on every instance. */
    public static final String ITEMS_STORE = "items";
    /** The application id the recommender runs under unless configured otherwise. */
    public static final String DEFAULT_APPLICATION_ID = "hone-recommender";

    static final String SOURCE = "answers";
    static final String LEARNER_PROCESSOR = "learner";
    static final String PROFILE_SOURCE = "profiles";
    static final String PROFILE_PROCESSOR = "profile";
    static final String MASTERY_SINK = "mastery";
    static final String DLQ_SINK = "dead-letters";
    /** Learner id -> when the learner was erased (epoch ms), so answers still in flight then are not applied after it. */
    public static final String ERASED_STORE = "erased-learners";
    static final String ITEM_ANSWERS_SINK = "to-items";
    static final String ITEM_ANSWERS_SOURCE = "item-answers";
    static final String ITEM_PROCESSOR = "item";
    static final String ITEMS_SINK = "item-statistics";
    static final String ITEM_DLQ_SINK = "item-dead-letters";
    static final String ITEMS_SOURCE = "items-table";
    static final String ITEMS_UPDATER = "items-table-updater";

    private RecommenderTopology() {
    }

    /**
     * Accepted answers re-keyed by question: the application's own repartition topic, named after
     * its application id like Streams' internal topics, so two applications on one cluster (tests,
     * a blue/green deployment) never read each other's answers. Not part of the contract.
     */
    public static String itemAnswersTopic(String applicationId) {
        return applicationId + "-item-answers";
    }

    /** The topology under the default application id. */
    public static Topology build(LearnerEngines engines) {
        return build(engines, DEFAULT_APPLICATION_ID);
    }

    /** The topology under {@code applicationId}, flushing item deltas at the default interval. */
    public static Topology build(LearnerEngines engines, String applicationId) {
        return build(engines, applicationId, DEFAULT_ITEM_FLUSH_INTERVAL);
    }

    /** The topology under {@code applicationId}, flushing item deltas every {@code itemFlushInterval}, default learner memory. */
    public static Topology build(LearnerEngines engines, String applicationId, Duration itemFlushInterval) {
        return build(engines, applicationId, itemFlushInterval, DEFAULT_LEARNER_MEMORY);
    }

    /**
     * The topology; every stream task gets its own engine from {@code engines} (engines are not
     * thread-safe). Each learner task sends its accepted answers to the item side as one delta per
     * touched question every {@code itemFlushInterval} (wall-clock). The instance's learner tasks
     * hold the states they wrote lately in up to {@code learnerMemory} bytes of heap together.
     */
    public static Topology build(LearnerEngines engines, String applicationId, Duration itemFlushInterval, long learnerMemory) {
        String itemAnswers = itemAnswersTopic(applicationId);
        // RocksDB written back: states written lately are read from memory and reach RocksDB in batches (WriteBackStore)
        var learnerStore = Stores.keyValueStoreBuilder(
                WriteBackStore.supplier(LEARNER_STORE, new WriteBackStore.Budget(learnerMemory)), Serdes.String(), BinarySerde.learnerState());
        // In memory (changelogged like the others): read for every answer, and nearly always empty, a RocksDB
        // lookup here cost as much as the learner state's own (JNI, and RocksJava signals "not found" with a C++
        // exception). It holds only the erasures of the last ProfileProcessor.ERASURE_MEMORY.
        var erasedStore = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ERASED_STORE), Serdes.String(), Serdes.Long());
        // An answer updates its question's delta in memory, and the changelog (what makes the pending answers survive
        // a crash) gets one record per commit: what the deltas gained since the last (PendingItemDeltas).
        var itemDeltasStore = PendingItemDeltas.builder();
        var itemStatsStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ITEM_STATS_STORE), Serdes.String(), BinarySerde.itemStatistics());
        // A global store is restored from its source topic, so it keeps no changelog of its own.
        var itemsTable = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ITEMS_STORE), Serdes.String(), BinarySerde.itemStatistics()).withLoggingDisabled();
        return new Topology()
                .addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.ANSWERS_NAME)
                .addSource(PROFILE_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.LEARNERS_NAME)
                .addProcessor(LEARNER_PROCESSOR, () -> new LearnerProcessor(engines.create(), id -> engines.catalog().question(id).isPresent(),
                        itemFlushInterval), SOURCE)
                .addProcessor(PROFILE_PROCESSOR, ProfileProcessor::new, PROFILE_SOURCE)
                .addStateStore(learnerStore, LEARNER_PROCESSOR, PROFILE_PROCESSOR)
                .addStateStore(erasedStore, LEARNER_PROCESSOR, PROFILE_PROCESSOR)
                .addStateStore(itemDeltasStore, LEARNER_PROCESSOR)
                .addSink(MASTERY_SINK, Topics.MASTERY_NAME, Serdes.String().serializer(),
                        Topics.MASTERY.valueSerde().serializer(), LEARNER_PROCESSOR)
                .addSink(ITEM_ANSWERS_SINK, itemAnswers, Serdes.String().serializer(),
                        Serdes.ByteArray().serializer(), LEARNER_PROCESSOR)
                .addSink(DLQ_SINK, Topics.DLQ_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                        LEARNER_PROCESSOR, PROFILE_PROCESSOR)
                .addSource(ITEM_ANSWERS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), itemAnswers)
                .addProcessor(ITEM_PROCESSOR, () -> new ItemProcessor(new ItemCalibrator(engines.create())), ITEM_ANSWERS_SOURCE)
                .addStateStore(itemStatsStore, ITEM_PROCESSOR)
                .addSink(ITEMS_SINK, Topics.ITEMS_NAME, Serdes.String().serializer(),
                        Topics.ITEMS.valueSerde().serializer(), ITEM_PROCESSOR)
                .addSink(ITEM_DLQ_SINK, Topics.DLQ_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                        ITEM_PROCESSOR)
                .addGlobalStore(itemsTable, ITEMS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                        Topics.ITEMS_NAME, ITEMS_UPDATER, ItemTableUpdater::new);
    }

    /** Topics the recommender itself needs besides the contract's (created when missing, like those). */
    public static List<Topics.TopicSpec> ownTopics(String applicationId) {
        return List.of(new Topics.TopicSpec(itemAnswersTopic(applicationId), false));
    }
}
