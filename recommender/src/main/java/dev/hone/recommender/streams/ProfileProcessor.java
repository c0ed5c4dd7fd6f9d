package dev.hone.recommender.streams;

import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Applies learner profiles from the compacted {@code hone.learners.v1} to the learner's state:
 * the track steers the queue, the cohort says which coaches may read the learner; a tombstone
 * (null value) erases the learner's state. Shares the
 * learner-state store with the answer processor (both topics are keyed by learner and have the
 * same partitions).
 */
class ProfileProcessor implements Processor<String, byte[], String, Object> {

    static final Duration ERASURE_MEMORY = Duration.ofDays(31);

    private final Deserializer<LearnerProfile> profiles = Topics.LEARNERS.valueSerde().deserializer();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, LearnerState> store;
    private KeyValueStore<String, Long> erased;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(RecommenderTopology.LEARNER_STORE);
        this.erased = context.getStateStore(RecommenderTopology.ERASED_STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOldErasures);
    }

    @Override
    public void process(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
        if (record.key() == null) {
            deadLetter(record, "a learner profile needs the learner id as its key");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            // answers recorded before the erasure may still be on their way (another partition's
            // lag, a client's resend): remembering when it happened keeps them from re-creating state
            erased.put(record.key(), record.timestamp());
            return;
        }
        LearnerProfile profile;
        try {
            profile = profiles.deserialize(Topics.LEARNERS_NAME, record.value());
        } catch (SerializationException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        LearnerState state = store.get(record.key());
        LearnerState next = (state == null ? LearnerState.empty() : state).withCohort(profile.cohort());
        // a profile without a track keeps the one the learner has
        store.put(record.key(), profile.track() == null ? next : next.withTrack(profile.track()));
    }

    /** Erasure marks outlive any answer that could still arrive: ingest takes answers up to 30 days old. */
    private void forgetOldErasures(long now) {
        long before = now - ERASURE_MEMORY.toMillis();
        try (KeyValueIterator<String, Long> all = erased.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value < before) {
                    erased.delete(entry.key);
                }
            }
        }
    }

    private void deadLetter(org.apache.kafka.streams.processor.api.Record<String, byte[]> record, String reason) {
        var headers = DeadLetters.headers(record.headers(), reason, context.recordMetadata());
        context.forward(record.withValue((Object) record.value()).withHeaders(headers), RecommenderTopology.DLQ_SINK);
    }
}
