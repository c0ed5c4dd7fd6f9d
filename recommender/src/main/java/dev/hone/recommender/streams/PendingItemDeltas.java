package dev.hone.recommender.streams;

import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemDelta;
import dev.hone.recommender.item.PendingDelta;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.HashMap;
import java.util.Map;

/**
 * A learner task's accepted answers per question since its last flush (store
 * {@link RecommenderTopology#ITEM_DELTAS_STORE}), sent to the item side as one {@link ItemDelta}
 * per touched question on each flush, instead of one record per answer.
 *
 * <p>The store is changelogged, so under exactly_once_v2 an answer's place in it commits in the
 * same transaction as its input offset, and a flush's deltas, the deletes that empty the store
 * and the offsets of the answers processed since commit together: after a crash an answer is in
 * the restored store or in a committed delta, never in both or neither. The store caches, so the
 * changelog gets one record per touched question per commit, not one per answer. The deltas are
 * also held here, in their binary form, so an answer appends to its delta instead of reading and
 * decoding it from the store; the store is only written, and read back when the task starts.
 */
final class PendingItemDeltas {

    /**
     * A delta this large is sent at once (~25 KB): a question answered thousands of times in one
     * interval by one task never grows a record towards Kafka's 1 MB limit, nor the per-answer
     * copy of its bytes without bound.
     */
    static final int MAX_ANSWERS = 1_000;

    private final KeyValueStore<String, byte[]> store;
    private final Map<String, PendingDelta> pending = new HashMap<>();

    /** The deltas the store holds: none, or those of a task restored after a crash. */
    PendingItemDeltas(KeyValueStore<String, byte[]> store) {
        this.store = store;
        var stored = BinarySerde.itemDelta();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> pending.put(kv.key, PendingDelta.of(stored.deserialize(RecommenderTopology.ITEM_DELTAS_STORE, kv.value))));
        }
    }

    /** Adds an accepted answer to its question's delta; a delta that reached {@link #MAX_ANSWERS} goes to {@code sink} now. */
    void add(ItemAnswer answer, ProcessorContext<String, Object> context, String sink, long now) {
        PendingDelta delta = pending.get(answer.questionId());
        if (delta == null) {
            delta = PendingDelta.of(answer);
            pending.put(answer.questionId(), delta);
        } else {
            delta.add(answer);
        }
        if (delta.size() >= MAX_ANSWERS) {
            context.forward(new Record<String, Object>(answer.questionId(), delta.encode(), now), sink);
            store.delete(answer.questionId());
            pending.remove(answer.questionId());
        } else {
            store.put(answer.questionId(), delta.encode());
        }
    }

    /** Forwards every pending delta keyed by its question to {@code sink}, stamped {@code now}, and empties the store. */
    void flush(ProcessorContext<String, Object> context, String sink, long now) {
        for (var delta : pending.entrySet()) {
            context.forward(new Record<String, Object>(delta.getKey(), delta.getValue().encode(), now), sink);
            store.delete(delta.getKey());
        }
        pending.clear();
    }
}
