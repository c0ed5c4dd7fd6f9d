package dev.hone.recommender.streams;

import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemDelta;
import dev.hone.recommender.item.PendingDelta;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A learner task's accepted answers per question since its last flush (store
 * {@link RecommenderTopology#ITEM_DELTAS_STORE}), sent to the item side as one {@link ItemDelta}
 * per touched question on each flush, instead of one record per answer.
 *
 * <p>The deltas are held here in their binary form, an answer appended to its question's delta in memory; the
 * changelogged in-memory store underneath gets each delta that changed once per commit. Streams has no public hook for
 * "the task is about to commit", so this store takes the one its own record cache uses: before it commits a task (and
 * before it suspends or closes one cleanly) Streams calls {@code flushCache()} on every store of the task that
 * implements {@link CachedStateStore} ({@code ProcessorStateManager.flushCache}, from {@code StreamTask.prepareCommit}),
 * and this store writes its changed deltas there. The Streams cache this replaces did the same per commit, but took a
 * cache entry per answer (a quarter of what an answer cost here in the bench's profile). That interface is internal to
 * Kafka Streams: {@code ItemDeltaTopologyTests} pins what this depends on (the changelog holds the pending answers after
 * every commit) and would fail on a Streams version that stopped calling it.
 *
 * <p>Under exactly_once_v2 an answer's place here then commits in the same transaction as its input offset, and a
 * flush's deltas, the deletes that empty the store and the offsets of the answers processed since commit together:
 * after a crash an answer is in the restored store or in a committed delta, never in both or neither.
 */
final class PendingItemDeltas implements StateStore, CachedStateStore<String, byte[]> {

    /**
     * A delta this large is sent at once (~25 KB): a question answered thousands of times in one
     * interval by one task never grows a record towards Kafka's 1 MB limit.
     */
    static final int MAX_ANSWERS = 1_000;

    private final KeyValueStore<String, byte[]> logged;
    private final Map<String, PendingDelta> pending = new HashMap<>();
    /** Questions whose delta changed since the last commit. */
    private final Set<String> changed = new HashSet<>();
    /** Questions the store underneath holds a delta for (to delete when theirs is sent). */
    private final Set<String> stored = new HashSet<>();

    private PendingItemDeltas(KeyValueStore<String, byte[]> logged) {
        this.logged = logged;
    }

    /** The store's builder: a changelogged in-memory store of the deltas' binary form, this store on top. */
    static StoreBuilder<PendingItemDeltas> builder() {
        return new Builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RecommenderTopology.ITEM_DELTAS_STORE),
                Serdes.String(), Serdes.ByteArray()));
    }

    /** Takes up the deltas the store holds (none, or those of a task restored after a crash): from the processor's init, after restoring. */
    void load() {
        forget();
        var codec = BinarySerde.itemDelta();
        try (var all = logged.all()) {
            all.forEachRemaining(kv -> {
                pending.put(kv.key, PendingDelta.of(codec.deserialize(RecommenderTopology.ITEM_DELTAS_STORE, kv.value)));
                stored.add(kv.key);
            });
        }
    }

    /** Adds an accepted answer to its question's delta; a delta that reached {@link #MAX_ANSWERS} goes to {@code sink} now. */
    void add(ItemAnswer answer, ProcessorContext<String, Object> context, String sink, long now) {
        String question = answer.questionId();
        PendingDelta delta = pending.get(question);
        if (delta == null) {
            pending.put(question, PendingDelta.of(answer));
        } else {
            delta.add(answer);
            if (delta.size() >= MAX_ANSWERS) {
                context.forward(new Record<String, Object>(question, delta.encode(), now), sink);
                pending.remove(question);
                sent(question);
                return;
            }
        }
        changed.add(question);
    }

    /** Forwards every pending delta keyed by its question to {@code sink}, stamped {@code now}, and empties the store. */
    void send(ProcessorContext<String, Object> context, String sink, long now) {
        for (var delta : pending.entrySet()) {
            context.forward(new Record<String, Object>(delta.getKey(), delta.getValue().encode(), now), sink);
            sent(delta.getKey());
        }
        pending.clear();
    }

    /** How many questions have a delta waiting. */
    int size() {
        return pending.size();
    }

    /** A sent delta leaves the store in the same transaction as the record that carries it. */
    private void sent(String question) {
        changed.remove(question);
        if (stored.remove(question)) {
            logged.delete(question);
        }
    }

    /** Before Streams commits the task: each delta that changed since the last commit into the changelogged store. */
    @Override
    public void flushCache() {
        for (String question : changed) {
            logged.put(question, pending.get(question).encode());
            stored.add(question);
        }
        changed.clear();
    }

    /** The task leaves this thread (recycled to a standby): it was committed first, and its next processor loads again. */
    @Override
    public void clearCache() {
        forget();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, byte[]> listener, boolean sendOldValues) {
        return false; // nothing reads this store through a KTable
    }

    private void forget() {
        pending.clear();
        changed.clear();
        stored.clear();
    }

    @Override
    public String name() {
        return logged.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        logged.init(context, root);
    }

    @Override
    public void flush() {
        logged.flush();
    }

    @Override
    public void close() {
        forget();
        logged.close();
    }

    @Override
    public boolean persistent() {
        return logged.persistent();
    }

    @Override
    public boolean isOpen() {
        return logged.isOpen();
    }

    @Override
    public Position getPosition() {
        return logged.getPosition();
    }

    /** Builds the store on the in-memory store's builder, whose changelog settings it passes through. */
    private static final class Builder implements StoreBuilder<PendingItemDeltas> {

        private final StoreBuilder<KeyValueStore<String, byte[]>> logged;

        private Builder(StoreBuilder<KeyValueStore<String, byte[]>> logged) {
            this.logged = logged;
        }

        @Override
        public StoreBuilder<PendingItemDeltas> withCachingEnabled() {
            return this; // the store is its own cache
        }

        @Override
        public StoreBuilder<PendingItemDeltas> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<PendingItemDeltas> withLoggingEnabled(Map<String, String> config) {
            logged.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<PendingItemDeltas> withLoggingDisabled() {
            throw new UnsupportedOperationException("the pending item deltas need their changelog: without it a crash loses answers");
        }

        @Override
        public PendingItemDeltas build() {
            return new PendingItemDeltas(logged.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return logged.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return logged.loggingEnabled();
        }

        @Override
        public String name() {
            return logged.name();
        }
    }
}
