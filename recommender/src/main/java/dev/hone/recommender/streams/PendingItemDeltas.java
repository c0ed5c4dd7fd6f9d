package dev.hone.recommender.streams;

import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemDelta;
import dev.hone.recommender.item.ItemDeltaCodec;
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

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learner task's accepted answers per question since its last flush (store
 * {@link RecommenderTopology#ITEM_DELTAS_STORE}), sent to the item side as one {@link ItemDelta}
 * per touched question on each flush, instead of one record per answer.
 *
 * <p>The deltas are held here in their binary form, an answer appended to its question's delta in memory. The
 * changelogged in-memory store underneath gets, once per commit, one record of what every delta gained since the last
 * commit (a {@link #LOG_FORMAT} record under the next number of this store's sequence), not each changed delta again:
 * one record instead of one per touched question, and each answer logged once (the bench's profile showed the
 * per-question records, hundreds per task and commit, as a tenth of the records the recommender produced). Streams has
 * no public hook for "the task is about to commit", so this store takes the one its own record cache uses: before it
 * commits a task (and before it suspends or closes one cleanly) Streams calls {@code flushCache()} on every store of
 * the task that implements {@link CachedStateStore} ({@code ProcessorStateManager.flushCache}, from
 * {@code StreamTask.prepareCommit}), and this store writes there. That interface is internal to Kafka Streams:
 * {@code ItemDeltaTopologyTests} pins what this depends on (the changelog holds the pending answers after every
 * commit) and would fail on a Streams version that stopped calling it.
 *
 * <p>Under exactly_once_v2 an answer's place here then commits in the same transaction as its input offset, and a
 * flush's deltas, the deletes that empty the store and the offsets of the answers processed since commit together:
 * after a crash an answer is in the restored store or in a committed delta, never in both or neither.
 */
final class PendingItemDeltas implements StateStore, CachedStateStore<String, byte[]> {

    /**
     * A delta this large is sent at once, with every other pending one (~25 KB): a question answered thousands of
     * times in one interval by one task never grows a record towards Kafka's 1 MB limit.
     */
    static final int MAX_ANSWERS = 1_000;
    /** The first byte of a logged record: the increments of the deltas that changed, each as its length and bytes. */
    static final int LOG_FORMAT = 3;
    /** The first character of a logged record's key ({@link #sequenceKey}). */
    private static final char SEQUENCE_MARK = '~';
    /** A logged record past this many bytes is closed and the rest goes in the next (Kafka's records stop at 1 MB). */
    static final int MAX_LOG_RECORD = 256 * 1024;

    private final KeyValueStore<String, byte[]> logged;
    private final Map<String, PendingDelta> pending = new HashMap<>();
    /** Deltas with answers since the last commit, each once. */
    private final List<PendingDelta> changed = new ArrayList<>();
    /** The keys of the records the store underneath holds (to delete when the deltas are sent). */
    private final List<String> stored = new ArrayList<>();
    private long nextSequence;

    private PendingItemDeltas(KeyValueStore<String, byte[]> logged) {
        this.logged = logged;
    }

    /** The store's builder: a changelogged in-memory store of the logged increments, this store on top. */
    static StoreBuilder<PendingItemDeltas> builder() {
        return new Builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RecommenderTopology.ITEM_DELTAS_STORE),
                Serdes.String(), Serdes.ByteArray()));
    }

    /**
     * Takes up the deltas the store holds (none, or those of a task restored after a crash): from the processor's init,
     * after restoring. Records in key order, so the increments merge in the order they were logged, after any whole
     * delta per question that a version before the increments logged (read too).
     */
    void load() {
        forget();
        try (var all = logged.all()) {
            all.forEachRemaining(kv -> {
                stored.add(kv.key);
                if (isSequence(kv.key)) {
                    nextSequence = Math.max(nextSequence, Long.parseLong(kv.key, 1, kv.key.length(), 10) + 1);
                }
                increments(kv.value).forEach(this::merge);
            });
        }
    }

    /**
     * The deltas in a record of the store: the increments of a logged record, or an older version's whole delta. A
     * record that cannot be read throws {@link IllegalArgumentException} saying why.
     */
    static List<ItemDelta> increments(byte[] record) {
        var codec = new ItemDeltaCodec();
        if (record.length == 0 || (record[0] & 0xFF) != LOG_FORMAT) {
            return List.of(codec.decode(record));
        }
        var deltas = new ArrayList<ItemDelta>();
        var in = ByteBuffer.wrap(record, 1, record.length - 1);
        while (in.hasRemaining()) {
            int length = in.remaining() >= Integer.BYTES ? in.getInt() : -1;
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("logged item deltas: increment " + deltas.size() + " ends past the record");
            }
            byte[] increment = new byte[length];
            in.get(increment);
            deltas.add(codec.decode(increment));
        }
        return deltas;
    }

    private void merge(ItemDelta increment) {
        PendingDelta delta = pending.get(increment.questionId());
        if (delta == null) {
            pending.put(increment.questionId(), PendingDelta.of(increment));
        } else {
            delta.merge(increment);
        }
    }

    /** Adds an accepted answer to its question's delta; a delta that reached {@link #MAX_ANSWERS} sends them all now. */
    void add(ItemAnswer answer, ProcessorContext<String, Object> context, String sink, long now) {
        String question = answer.questionId();
        PendingDelta delta = pending.get(question);
        if (delta == null) {
            delta = PendingDelta.of(answer);
            pending.put(question, delta);
            changed.add(delta);
        } else {
            if (!delta.hasUnlogged()) {
                changed.add(delta);
            }
            delta.add(answer);
        }
        if (delta.size() >= MAX_ANSWERS) {
            send(context, sink, now);
        }
    }

    /** Forwards every pending delta keyed by its question to {@code sink}, stamped {@code now}, and empties the store. */
    void send(ProcessorContext<String, Object> context, String sink, long now) {
        for (var delta : pending.entrySet()) {
            context.forward(new Record<String, Object>(delta.getKey(), delta.getValue().encode(), now), sink);
        }
        // sent deltas leave the store in the same transaction as the records that carry them
        for (String key : stored) {
            logged.delete(key);
        }
        forget();
    }

    /** How many questions have a delta waiting. */
    int size() {
        return pending.size();
    }

    /** Before Streams commits the task: what the deltas gained since the last commit, into the changelogged store. */
    @Override
    public void flushCache() {
        if (changed.isEmpty()) {
            return;
        }
        var bytes = new ByteArrayOutputStream(4096);
        try (var record = new DataOutputStream(bytes)) {
            record.writeByte(LOG_FORMAT);
            for (PendingDelta delta : changed) {
                byte[] increment = delta.encodeUnlogged();
                if (bytes.size() > 1 && bytes.size() + Integer.BYTES + increment.length > MAX_LOG_RECORD) {
                    log(bytes.toByteArray());
                    bytes.reset();
                    record.writeByte(LOG_FORMAT);
                }
                record.writeInt(increment.length);
                record.write(increment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        log(bytes.toByteArray());
        changed.clear();
    }

    private void log(byte[] record) {
        String key = sequenceKey(nextSequence++);
        logged.put(key, record);
        stored.add(key);
    }

    /**
     * The key of the {@code n}-th logged record: '~' and 19 ASCII digits, so the keys sort in sequence order, and after
     * the question ids older versions keyed whole deltas by (catalog ids begin with a letter or digit), whose answers
     * came first.
     */
    static String sequenceKey(long n) {
        return String.format(Locale.ROOT, "%c%019d", SEQUENCE_MARK, n);
    }

    /** A key {@link #sequenceKey} made. */
    private static boolean isSequence(String key) {
        return key.length() == 20 && key.charAt(0) == SEQUENCE_MARK && key.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
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
