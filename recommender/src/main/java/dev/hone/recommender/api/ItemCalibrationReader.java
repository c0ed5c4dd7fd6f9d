package dev.hone.recommender.api;

import dev.hone.events.ItemStatistics;
import dev.hone.recommender.learner.ItemDifficulties;
import dev.hone.recommender.streams.RecommenderTopology;
import dev.hone.recommender.streams.StreamsRunner;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import java.util.OptionalDouble;

/**
 * The calibrated difficulty of questions, read from this instance's copy of the items
 * GlobalKTable (every instance holds all of it, so no forwarding). While that copy cannot be
 * read the policy falls back to the catalog's prior: a slightly less precise queue, not an error.
 */
@Component
class ItemCalibrationReader {

    private final StreamsRunner runner;

    ItemCalibrationReader(StreamsRunner runner) {
        this.runner = runner;
    }

    /** A lookup for one request; the store handle is fetched once, not once per question. */
    ItemDifficulties difficulties() {
        KafkaStreams streams = runner.streams();
        if (streams == null) {
            return ItemDifficulties.CATALOG;
        }
        try {
            ReadOnlyKeyValueStore<String, ItemStatistics> items = streams.store(StoreQueryParameters.fromNameAndType(
                    RecommenderTopology.ITEMS_STORE, QueryableStoreTypes.<String, ItemStatistics>keyValueStore()));
            return questionId -> {
                try {
                    ItemStatistics stats = items.get(questionId);
                    return stats == null ? OptionalDouble.empty() : OptionalDouble.of(stats.difficulty());
                } catch (InvalidStateStoreException e) {
                    return OptionalDouble.empty();
                }
            };
        } catch (InvalidStateStoreException e) {
            return ItemDifficulties.CATALOG;
        }
    }
}
