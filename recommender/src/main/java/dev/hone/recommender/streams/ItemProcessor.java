package dev.hone.recommender.streams;

import dev.hone.events.ItemStatistics;
import dev.hone.recommender.item.ItemCalibrator;
import dev.hone.recommender.item.ItemDelta;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The item side: merges each learner task's delta of accepted answers (keyed by question) into
 * the question's statistics and emits them to the compacted {@code hone.items.v1}, once per
 * delta. A record it cannot read goes to the dead-letter topic like any other.
 */
class ItemProcessor implements Processor<String, byte[], String, Object> {

    private final Deserializer<ItemDelta> deltas = BinarySerde.itemInput();
    private final ItemCalibrator calibrator;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ItemStatistics> store;

    ItemProcessor(ItemCalibrator calibrator) {
        this.calibrator = calibrator;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(RecommenderTopology.ITEM_STATS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ItemDelta delta;
        try {
            delta = deltas.deserialize(context.recordMetadata().map(m -> m.topic()).orElse("item answers"), record.value());
        } catch (SerializationException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        if (delta == null || delta.questionId() == null || !delta.questionId().equals(record.key())) {
            deadLetter(record, "record key '" + record.key() + "' does not match questionId '"
                    + (delta == null ? null : delta.questionId()) + "'");
            return;
        }
        for (ItemDelta.Observation answer : delta.observations()) {
            if (!(answer.score() >= 0 && answer.score() <= 1) || !(answer.predicted() >= 0 && answer.predicted() <= 1)) {
                deadLetter(record, "score " + answer.score() + " or predicted " + answer.predicted() + " is outside [0, 1]");
                return;
            }
        }
        ItemStatistics next = calibrator.merge(store.get(record.key()), delta);
        store.put(record.key(), next);
        context.forward(record.withValue((Object) next).withHeaders(new RecordHeaders()), RecommenderTopology.ITEMS_SINK);
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
        var headers = DeadLetters.headers(record.headers(), reason, context.recordMetadata());
        context.forward(record.withValue((Object) record.value()).withHeaders(headers), RecommenderTopology.ITEM_DLQ_SINK);
    }
}
