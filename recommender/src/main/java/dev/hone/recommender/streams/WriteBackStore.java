package dev.hone.recommender.streams;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
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
 * A persistent key-value store that writes RocksDB back: the values written lately are held in memory, read from there,
 * and reach RocksDB together, as one sorted write batch, when Streams flushes the store (before each checkpoint), before
 * a range read, or when the instance's {@link Budget} makes it let go of some. It sits where Streams' RocksDB store would ({@link #supplier}), under the
 * changelogging layer, so every write still goes to the changelog as it happens.
 *
 * <p>Why it is safe: Streams keeps no write-ahead log for RocksDB either; a store is only as durable as its last
 * {@link #flush()}, and Streams flushes every store before it writes a checkpoint ({@code AbstractTask.maybeCheckpoint}),
 * the changelog offset it will trust the store with on the next start. Under exactly_once_v2 a running task is not
 * checkpointed at each commit (only when restoration completes and when it is suspended, moved or closed cleanly), and a
 * store without a checkpoint, or an older one, is restored from its changelog: what a crash leaves unwritten here is
 * what Streams would have thrown away from RocksDB's memtables. Restoring (a standby's updates, a task restored after
 * a crash) writes RocksDB directly: nothing is held then, since only writes through this store hold a value and
 * {@link #clearCache()} (a task recycled to a standby, after its checkpoint), {@link #init} and {@link #close()} let go
 * of everything.
 *
 * <p>Why: RocksDB's {@code get} and {@code put} per answer were the largest single cost of the recommender's stream
 * thread in the bench's profile (~14 µs of ~45 on the eleventh session's machine: a JNI call and a walk of a memtable
 * much larger than the CPU's caches each); a learner answering again now reads memory, and RocksDB gets one write per
 * learner per flush.
 *
 * <p>Reads by key come from any thread (interactive queries) without a lock: a value leaves memory only after RocksDB
 * has it. Writes come from the task's stream thread; they, and the range reads, which write what is held first so that
 * RocksDB's iterators see it, hold the store's lock, as RocksDB's own store does.
 */
final class WriteBackStore implements KeyValueStore<Bytes, byte[]>, CachedStateStore<Bytes, byte[]> {

    /** Heap bytes a held value costs beyond its key's and its own bytes: the map's entry, the key's wrapper, arrays' headers. */
    static final int ENTRY_OVERHEAD = 120;
    /** A key deleted since RocksDB was last written (compared by identity). */
    private static final byte[] DELETED = new byte[0];

    private final KeyValueStore<Bytes, byte[]> rocks;
    private final Budget budget;
    private final Map<Bytes, byte[]> held = new ConcurrentHashMap<>();
    /** Held keys RocksDB does not have the latest value of (guarded by this). */
    private final Set<Bytes> unwritten = new HashSet<>();
    private long heldBytes;

    WriteBackStore(KeyValueStore<Bytes, byte[]> rocks, Budget budget) {
        this.rocks = rocks;
        this.budget = budget;
    }

    /** Streams' persistent RocksDB store named {@code name}, written back through this store; {@code budget} shared. */
    static KeyValueBytesStoreSupplier supplier(String name, Budget budget) {
        KeyValueBytesStoreSupplier rocksDb = Stores.persistentKeyValueStore(name);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return rocksDb.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new WriteBackStore(rocksDb.get(), budget);
            }

            @Override
            public String metricsScope() {
                return rocksDb.metricsScope();
            }
        };
    }

    @Override
    public byte[] get(Bytes key) {
        byte[] value = held.get(key);
        if (value == null) {
            return rocks.get(key);
        }
        return value == DELETED ? null : value;
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        hold(key, value == null ? DELETED : value);
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (var entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] current = get(key);
        hold(key, DELETED);
        return current;
    }

    /** Holds {@code value}; past the budget, lets go first, so a failed write-back leaves this write undone, not half done. */
    private void hold(Bytes key, byte[] value) {
        if (budget.exceeded()) {
            letGo();
        }
        byte[] before = held.put(key, value);
        account(weight(key, value) - (before == null ? 0 : weight(key, before)));
        unwritten.add(key);
    }

    /**
     * Writes what is held and lets go of this store's values until the instance is back under 90% of its budget (or
     * this store holds nothing: a task whose peers hold the memory then writes through, as a plain RocksDB store).
     */
    private void letGo() {
        writeBack();
        var it = held.entrySet().iterator();
        while (it.hasNext() && budget.aboveTarget()) {
            var entry = it.next();
            it.remove();
            account(-weight(entry.getKey(), entry.getValue()));
        }
    }

    /**
     * The held values RocksDB does not have yet into it, as one batch in key order (a sorted batch inserts faster;
     * a deleted key goes in as a null value, which the batch writes as a delete). Deleted keys are let go of after.
     */
    private void writeBack() {
        if (unwritten.isEmpty()) {
            return;
        }
        Bytes[] keys = unwritten.toArray(new Bytes[0]);
        Arrays.sort(keys);
        List<KeyValue<Bytes, byte[]>> writes = new ArrayList<>(keys.length);
        List<Bytes> deleted = new ArrayList<>();
        for (Bytes key : keys) {
            byte[] value = held.get(key);
            if (value == DELETED) {
                deleted.add(key);
                value = null;
            }
            writes.add(KeyValue.pair(key, value));
        }
        rocks.putAll(writes);
        unwritten.clear();
        for (Bytes key : deleted) {
            held.remove(key);
            account(-weight(key, DELETED));
        }
    }

    @Override
    public synchronized void flush() {
        writeBack();
        rocks.flush();
    }

    /** Streams flushes its record caches here before each commit: nothing to do, RocksDB is written on {@link #flush()}. */
    @Override
    public void flushCache() {
    }

    /** The task is recycled to a standby, after its checkpoint (and so a flush): a standby's store is restored below this one. */
    @Override
    public synchronized void clearCache() {
        writeBack();
        forget();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    private void forget() {
        held.clear();
        unwritten.clear();
        account(-heldBytes);
    }

    private void account(long bytes) {
        heldBytes += bytes;
        budget.add(bytes);
    }

    private static long weight(Bytes key, byte[] value) {
        return key.get().length + value.length + ENTRY_OVERHEAD;
    }

    /** How many values this store holds in memory. */
    int heldValues() {
        return held.size();
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        forget();
        rocks.init(context, root);
    }

    /**
     * Writes what is held, as RocksDB flushes its memtables when it closes (Streams flushes a store it closes cleanly
     * first anyway; after a failure under exactly-once it wipes the store), then closes RocksDB.
     */
    @Override
    public synchronized void close() {
        try {
            writeBack();
        } finally {
            forget();
            rocks.close();
        }
    }

    @Override
    public String name() {
        return rocks.name();
    }

    @Override
    public boolean persistent() {
        return rocks.persistent();
    }

    @Override
    public boolean isOpen() {
        return rocks.isOpen();
    }

    @Override
    public Position getPosition() {
        return rocks.getPosition();
    }

    /**
     * Interactive queries v2 go to RocksDB once it has what is held. The store's position (what IQv2's bounds compare)
     * advances when RocksDB is written, not with each write: nothing in Hone queries with bounds.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        writeBack();
        return rocks.query(query, positionBound, config);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        writeBack();
        return rocks.range(from, to);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        writeBack();
        return rocks.reverseRange(from, to);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        writeBack();
        return rocks.all();
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        writeBack();
        return rocks.reverseAll();
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        writeBack();
        return rocks.prefixScan(prefix, prefixKeySerializer);
    }

    /** RocksDB's estimate, which may not count the states written since RocksDB was last written. */
    @Override
    public long approximateNumEntries() {
        return rocks.approximateNumEntries();
    }

    /**
     * Memory for held values, shared by the stores of one instance (one per topology built): bytes held against a
     * maximum. Stores on different stream threads add to it; each lets go of its own values when it is exceeded.
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
}
