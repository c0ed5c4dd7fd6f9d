package dev.hone.recommender.streams;

import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemDelta;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * A learner task's accepted answers per question since its last flush (store
 * {@link RecommenderTopology#ITEM_DELTAS_STORE}), sent to the item side as one {@link ItemDelta}
 * per touched question on each flush, instead of one record per answer.
 *
 * <p>The store is changelogged, so under exactly_once_v2 an answer's place in it commits in the
 * same transaction as its input offset, and a flush's deltas, the deletes that empty the store
 * and the offsets of the answers processed since commit together: after a crash an answer is in
 * the restored store or in a committed delta, never in both or neither. The store caches, so an
 * answer costs an in-memory update and the changelog gets one record per touched question per
 * commit, not one per answer.
 */
final class PendingItemDeltas {

    private final KeyValueStore<String, ItemDelta> store;

    PendingItemDeltas(KeyValueStore<String, ItemDelta> store) {
        this.store = store;
    }

    void add(ItemAnswer answer) {
        ItemDelta pending = store.get(answer.questionId());
        store.put(answer.questionId(), pending == null ? ItemDelta.of(answer) : pending.plus(answer));
    }

    /** Forwards every pending delta keyed by its question to {@code sink}, stamped {@code now}, and empties the store. */
    void flush(ProcessorContext<String, Object> context, String sink, long now) {
        List<KeyValue<String, ItemDelta>> pending = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(pending::add);
        }
        for (KeyValue<String, ItemDelta> delta : pending) {
            context.forward(new Record<String, Object>(delta.key, delta.value, now), sink);
            store.delete(delta.key);
        }
    }
}
