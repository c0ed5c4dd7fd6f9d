package dev.hone.recommender.streams;

import dev.hone.events.ItemStatistics;
import dev.hone.events.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every instance's global copy of {@code hone.items.v1} (the GlobalKTable the queue reads)
 * up to date. A global processor cannot forward, so a record it cannot read is logged and skipped
 * rather than stopping the global thread: the question keeps its previous calibration.
 */
class ItemTableUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ItemTableUpdater.class);

    private final Deserializer<ItemStatistics> items = Topics.ITEMS.valueSerde().deserializer();
    private KeyValueStore<String, ItemStatistics> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(RecommenderTopology.ITEMS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("skipping an item record without a question id");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        try {
            store.put(record.key(), items.deserialize(Topics.ITEMS_NAME, record.value()));
        } catch (SerializationException e) {
            log.warn("skipping an unreadable item record for {}: {}", record.key(), e.getMessage());
        }
    }
}
