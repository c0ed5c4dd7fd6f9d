package dev.hone.recommender.streams;

import dev.hone.events.JsonSerde;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The recommender's topology, built apart from running it:
 * <pre>
 *   hone.answers.v1 (bytes)  -> learner processor --[learner-state store]-> hone.mastery.v1
 *   hone.learners.v1 (bytes) -> profile processor --/  (track; tombstone = erase)
 *                                              both -> hone.dlq.v1 (unreadable records)
 * </pre>
 * Values are read as bytes and parsed inside the processor, so a poison record is routed to
 * the dead-letter topic with its reason instead of stopping the stream.
 */
public final class RecommenderTopology {

    public static final String LEARNER_STORE = "learner-state";
    static final String SOURCE = "answers";
    static final String LEARNER_PROCESSOR = "learner";
    static final String PROFILE_SOURCE = "profiles";
    static final String PROFILE_PROCESSOR = "profile";
    static final String MASTERY_SINK = "mastery";
    static final String DLQ_SINK = "dead-letters";
    /** Learner id -> when the learner was erased (epoch ms), so answers still in flight then are not applied after it. */
    public static final String ERASED_STORE = "erased-learners";

    private RecommenderTopology() {
    }

    /** The topology; every stream task gets its own engine from {@code engines} (engines are not thread-safe). */
    public static Topology build(LearnerEngines engines) {
        var learnerStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LEARNER_STORE), Serdes.String(), JsonSerde.of(LearnerState.class));
        var erasedStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ERASED_STORE), Serdes.String(), Serdes.Long());
        return new Topology()
                .addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.ANSWERS_NAME)
                .addSource(PROFILE_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.LEARNERS_NAME)
                .addProcessor(LEARNER_PROCESSOR, () -> new LearnerProcessor(engines.create(), id -> engines.catalog().question(id).isPresent()), SOURCE)
                .addProcessor(PROFILE_PROCESSOR, ProfileProcessor::new, PROFILE_SOURCE)
                .addStateStore(learnerStore, LEARNER_PROCESSOR, PROFILE_PROCESSOR)
                .addStateStore(erasedStore, LEARNER_PROCESSOR, PROFILE_PROCESSOR)
                .addSink(MASTERY_SINK, Topics.MASTERY_NAME, Serdes.String().serializer(),
                        Topics.MASTERY.valueSerde().serializer(), LEARNER_PROCESSOR)
                .addSink(DLQ_SINK, Topics.DLQ_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                        LEARNER_PROCESSOR, PROFILE_PROCESSOR);
    }
}
