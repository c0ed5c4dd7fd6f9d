package dev.hone.recommender.api;

import dev.hone.recommender.learner.LearnerState;
import dev.hone.security.AccessRules;
import dev.hone.security.Caller;
import dev.hone.recommender.streams.RecommenderTopology;
import dev.hone.recommender.streams.StreamsRunner;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Finds which instance owns a learner and reads the state when it is this one, for callers the
 * access rules allow. A learner without answers has no state: that is an empty state, not an error.
 */
@Component
class LearnerStateReader {

    private final StreamsRunner runner;

    LearnerStateReader(StreamsRunner runner) {
        this.runner = runner;
    }

    /** The owner's host:port when another instance owns the learner; empty when this one does. */
    Optional<HostInfo> remoteOwner(String learnerId) {
        KafkaStreams streams = running();
        KeyQueryMetadata metadata = streams.queryMetadataForKey(RecommenderTopology.LEARNER_STORE, learnerId, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new NotReadyException("the learner's partition has no owner yet");
        }
        HostInfo owner = metadata.activeHost();
        boolean self = (owner.host() + ":" + owner.port()).equals(runner.selfHost());
        return self ? Optional.empty() : Optional.of(owner);
    }

    LearnerState readLocal(String learnerId) {
        try {
            ReadOnlyKeyValueStore<String, LearnerState> store = running().store(StoreQueryParameters.fromNameAndType(
                    RecommenderTopology.LEARNER_STORE, QueryableStoreTypes.<String, LearnerState>keyValueStore()));
            LearnerState state = store.get(learnerId);
            return state == null ? LearnerState.empty() : state;
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("the learner's state is being moved or restored");
        }
    }

    /** The learner's state, if the caller may read it: a coach only when the learner is in one of their cohorts. */
    LearnerState readable(String learnerId) {
        LearnerState state = readLocal(learnerId);
        boolean allowed = Caller.of(SecurityContextHolder.getContext().getAuthentication())
                .map(caller -> AccessRules.mayReadLearner(caller, learnerId, () -> Optional.ofNullable(state.cohort())))
                .orElse(false);
        if (!allowed) {
            throw new AccessDeniedException("not allowed to read this learner");
        }
        return state;
    }

    private KafkaStreams running() {
        KafkaStreams streams = runner.streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotReadyException("the recommender is " + (streams == null ? "starting" : streams.state().name().toLowerCase()));
        }
        return streams;
    }
}
