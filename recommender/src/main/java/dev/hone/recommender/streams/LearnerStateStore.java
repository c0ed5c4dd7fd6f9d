package dev.hone.recommender.streams;

import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The learner-state store ({@link RecommenderTopology#LEARNER_STORE}): Streams' persistent, changelogged RocksDB store
 * underneath, and on top the stored form of the states this task wrote lately, held in memory. An answer reads its
 * learner's state from memory when the learner answered recently, and its write reaches RocksDB and the changelog
 * once per commit, with the other learners' writes of that commit, as one sorted RocksDB write batch.
 *
 * <p>Why: in the bench's profile a RocksDB {@code get} and {@code put} per answer were the largest single cost of the
 * recommender's stream thread (~14 µs of ~45 on the eleventh session's machine, each a JNI call and a walk of a
 * memtable much larger than the CPU's caches). RocksDB stays the store: a restart reopens it instead of replaying
 * the changelog, and what is not in memory is read from it.
 *
 * <p>It uses the hook Streams' own record cache uses (as {@link PendingItemDeltas} does): before it commits a task,
 * and before it suspends or closes one cleanly, Streams calls {@link #flushCache()}, which writes the changed states.
 * Under exactly_once_v2 they then commit in the same transaction as the answers' offsets; a task closed after a
 * failure drops what it has not written, as Streams drops its uncommitted transaction. Restoring (a standby's
 * updates, a task restored after a crash) writes RocksDB directly, below this layer: nothing is held in memory then,
 * since only the processors' writes put a state here and {@link #clearCache()}, {@link #init} and {@link #close()}
 * empty it.
 *
 * <p>Memory: each held state weighs its stored bytes plus {@link #ENTRY_OVERHEAD}, against a budget shared by the
 * instance's tasks ({@link Budget}); past it, a commit lets go of states until the instance is back under 90%. Reads by
 * key (the processors, interactive queries from the API's threads) see the latest write, committed or not, as reads
 * of a RocksDB store do; {@link #all()} and the range reads see the states as of the task's last commit.
 */
final class LearnerStateStore implements KeyValueStore<String, LearnerState>, CachedStateStore<String, LearnerState> {

    /** Heap bytes a held state costs beyond its stored bytes: its key, the map's entry, the array's header. */
    static final int ENTRY_OVERHEAD = 120;
    /** A learner erased since the last commit (compared by identity). */
    private static final byte[] ERASED = new byte[0];

    private final KeyValueStore<String, byte[]> stored;
    private final Budget budget;
    private final BinarySerde<LearnerState> codec = BinarySerde.learnerState();
    /** Read by the API's threads too (interactive queries), written by the task's stream thread only. */
    private final Map<String, byte[]> held = new ConcurrentHashMap<>();
    /** Learners written since the last commit. */
    private final Set<String> changed = new HashSet<>();
    private long heldBytes;

    private LearnerStateStore(KeyValueStore<String, byte[]> stored, Budget budget) {
        this.stored = stored;
        this.budget = budget;
    }

    /** The store's builder: Streams' persistent store of the states' stored form, this store on top, {@code budget} shared. */
    static StoreBuilder<LearnerStateStore> builder(Budget budget) {
        return new Builder(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RecommenderTopology.LEARNER_STORE),
                Serdes.String(), Serdes.ByteArray()), budget);
    }

    @Override
    public LearnerState get(String learnerId) {
        byte[] bytes = held.get(learnerId);
        if (bytes == null) {
            bytes = stored.get(learnerId);
        }
        return bytes == null || bytes == ERASED ? null : codec.deserialize(name(), bytes);
    }

    @Override
    public void put(String learnerId, LearnerState state) {
        hold(learnerId, state == null ? ERASED : codec.serialize(name(), state));
    }

    @Override
    public LearnerState putIfAbsent(String learnerId, LearnerState state) {
        LearnerState current = get(learnerId);
        if (current == null) {
            put(learnerId, state);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, LearnerState>> entries) {
        for (var entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public LearnerState delete(String learnerId) {
        LearnerState current = get(learnerId);
        hold(learnerId, ERASED);
        return current;
    }

    private void hold(String learnerId, byte[] bytes) {
        byte[] before = held.put(learnerId, bytes);
        account(weight(bytes) - (before == null ? 0 : weight(before)));
        changed.add(learnerId);
    }

    /**
     * Before Streams commits the task: the states written since the last commit into the store underneath, in key
     * order (RocksDB inserts a sorted batch into its memtable faster), the erasures as deletes.
     */
    @Override
    public void flushCache() {
        if (changed.isEmpty()) {
            return;
        }
        String[] learners = changed.toArray(new String[0]);
        Arrays.sort(learners);
        List<KeyValue<String, byte[]>> writes = new ArrayList<>(learners.length);
        for (String learnerId : learners) {
            byte[] bytes = held.get(learnerId);
            if (bytes == ERASED) {
                stored.delete(learnerId);
                held.remove(learnerId);
                account(-weight(bytes));
            } else {
                writes.add(KeyValue.pair(learnerId, bytes));
            }
        }
        if (!writes.isEmpty()) {
            stored.putAll(writes);
        }
        changed.clear();
        if (budget.exceeded()) {
            letGo();
        }
    }

    /** Lets go of held states (all written, right after a commit's flush) until the instance is back under 90% of its budget. */
    private void letGo() {
        var it = held.entrySet().iterator();
        while (it.hasNext() && budget.aboveTarget()) {
            byte[] bytes = it.next().getValue();
            it.remove();
            account(-weight(bytes));
        }
    }

    /** The task leaves this thread (recycled to a standby): it was committed first; a standby holds nothing. */
    @Override
    public void clearCache() {
        forget();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, LearnerState> listener, boolean sendOldValues) {
        return false; // nothing reads this store through a KTable
    }

    private void forget() {
        held.clear();
        changed.clear();
        account(-heldBytes);
    }

    private void account(long bytes) {
        heldBytes += bytes;
        budget.add(bytes);
    }

    private static long weight(byte[] bytes) {
        return bytes.length + ENTRY_OVERHEAD;
    }

    /** How many states this task holds in memory. */
    int heldStates() {
        return held.size();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        stored.init(context, root);
    }

    @Override
    public void flush() {
        flushCache();
        stored.flush();
    }

    @Override
    public void close() {
        forget();
        stored.close();
    }

    @Override
    public String name() {
        return stored.name();
    }

    @Override
    public boolean persistent() {
        return stored.persistent();
    }

    @Override
    public boolean isOpen() {
        return stored.isOpen();
    }

    @Override
    public Position getPosition() {
        return stored.getPosition();
    }

    /** Interactive queries v2 are not served by this store (the API reads by key, through {@link #get}). */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    @Override
    public KeyValueIterator<String, LearnerState> range(String from, String to) {
        return decoded(stored.range(from, to));
    }

    @Override
    public KeyValueIterator<String, LearnerState> reverseRange(String from, String to) {
        return decoded(stored.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<String, LearnerState> all() {
        return decoded(stored.all());
    }

    @Override
    public KeyValueIterator<String, LearnerState> reverseAll() {
        return decoded(stored.reverseAll());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, LearnerState> prefixScan(P prefix, PS prefixKeySerializer) {
        return decoded(stored.prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public long approximateNumEntries() {
        return stored.approximateNumEntries();
    }

    private KeyValueIterator<String, LearnerState> decoded(KeyValueIterator<String, byte[]> states) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return states.hasNext();
            }

            @Override
            public KeyValue<String, LearnerState> next() {
                var next = states.next();
                return KeyValue.pair(next.key, codec.deserialize(name(), next.value));
            }

            @Override
            public String peekNextKey() {
                return states.peekNextKey();
            }

            @Override
            public void close() {
                states.close();
            }
        };
    }

    /**
     * Memory for held states, shared by the tasks of one instance (one per topology built): bytes held against a
     * maximum. Tasks on different stream threads add to it; each lets go of its own states when it is exceeded.
     */
    static final class Budget {

        private final long max;
        private final AtomicLong used = new AtomicLong();

        Budget(long max) {
            this.max = max;
        }

        void add(long bytes) {
            used.addAndGet(bytes);
        }

        boolean exceeded() {
            return used.get() > max;
        }

        boolean aboveTarget() {
            return used.get() > max / 10 * 9;
        }

        long used() {
            return used.get();
        }
    }

    /** Builds the store on the persistent store's builder, whose changelog settings it passes through. */
    private static final class Builder implements StoreBuilder<LearnerStateStore> {

        private final StoreBuilder<KeyValueStore<String, byte[]>> stored;
        private final Budget budget;

        private Builder(StoreBuilder<KeyValueStore<String, byte[]>> stored, Budget budget) {
            this.stored = stored;
            this.budget = budget;
        }

        @Override
        public StoreBuilder<LearnerStateStore> withCachingEnabled() {
            return this; // the store is its own cache
        }

        @Override
        public StoreBuilder<LearnerStateStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<LearnerStateStore> withLoggingEnabled(Map<String, String> config) {
            stored.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<LearnerStateStore> withLoggingDisabled() {
            throw new UnsupportedOperationException("the learner states need their changelog: without it a lost disk loses learners");
        }

        @Override
        public LearnerStateStore build() {
            return new LearnerStateStore(stored.build(), budget);
        }

        @Override
        public Map<String, String> logConfig() {
            return stored.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return stored.loggingEnabled();
        }

        @Override
        public String name() {
            return stored.name();
        }
    }
}
