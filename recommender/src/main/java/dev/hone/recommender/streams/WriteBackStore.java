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
import java.util.List;
import java.util.Map;
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
 * <p>Reads of keys RocksDB has never had (a learner's first answer) skip it, by a Bloom filter of its keys
 * ({@link RocksKeyFilter}); RocksJava reports "not found" with a C++ exception, as costly as a read that finds a value.
 *
 * <p>Reads by key come from any thread (interactive queries) without a lock: a value leaves memory only after RocksDB
 * has it. Writes come from the task's stream thread; they, and the range reads, which write what is held first so that
 * RocksDB's iterators see it, hold the store's lock, as RocksDB's own store does.
 */
final class WriteBackStore implements KeyValueStore<Bytes, byte[]>, CachedStateStore<Bytes, byte[]> {

    /** Heap bytes a held value costs beyond its key's and its own bytes: the map's entry, the key's wrapper, the holder, arrays' headers. */
    static final int ENTRY_OVERHEAD = 120;
    /** A key deleted since RocksDB was last written (compared by identity). */
    private static final byte[] DELETED = new byte[0];

    private final KeyValueStore<Bytes, byte[]> rocks;
    private final Budget budget;
    private final Map<Bytes, Held> held = new ConcurrentHashMap<>();
    /**
     * The keys whose held value RocksDB does not have yet, each once, in the order they were first written (guarded
     * by this). A list, not a set: a write learns from the value it replaces whether its key is here already, so
     * noting one costs an append, not a hash-set insert.
     */
    private final List<Bytes> unwritten = new ArrayList<>();
    private long heldBytes;
    /**
     * The keys RocksDB may have, so that a read of a key nobody wrote (a learner's first answer) skips RocksDB; null
     * while not known. Made at the first write after the store opened or was recycled ({@link #noteKey}): only a task
     * that processes writes here, after its restoration. Restoring writes RocksDB below this store: an active task's
     * before it processes; a standby's, or a task's restored again after a failure, only after {@link #clearCache()} or
     * {@link #close()} forgot the filter; a task resumed after a rebalance, only what it wrote itself, here, since its
     * last checkpoint. Written under the store's lock.
     */
    private volatile RocksKeyFilter rocksKeys;
    /** Whether {@link #rocksKeys} was made since the store opened (it stays null for a store with too many keys). */
    private boolean rocksKeysScanned;

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
        Held value = held.get(key);
        if (value != null) {
            return value.bytes == DELETED ? null : value.bytes;
        }
        return rocksMayHave(key) ? rocks.get(key) : null;
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
        if (value != DELETED) {
            Held current = held.get(key);
            if (current == null || current.bytes == DELETED) {
                noteKey(key);
            }
        }
        Held before = held.put(key, new Held(value));
        account(weight(key, value) - (before == null ? 0 : weight(key, before.bytes)));
        if (before == null || before.written) {
            unwritten.add(key);
        }
    }

    /**
     * Adds {@code key} to the keys RocksDB may have, which it reaches before its value is held; the first write after
     * the store opened scans RocksDB for them (restored by now), and a filter that filled up is scanned again, larger,
     * once what is held is in RocksDB.
     */
    private void noteKey(Bytes key) {
        if (!rocksKeysScanned) {
            rocksKeysScanned = true;
            rocksKeys = RocksKeyFilter.scan(rocks, 0);
        }
        RocksKeyFilter keys = rocksKeys;
        if (keys != null && keys.full()) {
            writeBack();
            keys = RocksKeyFilter.scan(rocks, 2 * keys.added());
            rocksKeys = keys;
        }
        if (keys != null) {
            keys.add(key);
        }
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
            account(-weight(entry.getKey(), entry.getValue().bytes));
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
        List<Held> values = new ArrayList<>(keys.length);
        for (Bytes key : keys) {
            Held value = held.get(key);
            values.add(value);
            if (value.bytes == DELETED) {
                deleted.add(key);
                writes.add(KeyValue.pair(key, null));
            } else {
                writes.add(KeyValue.pair(key, value.bytes));
            }
        }
        rocks.putAll(writes);
        values.forEach(Held::written);
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
        rocksKeys = null;
        rocksKeysScanned = false;
    }

    private void account(long bytes) {
        heldBytes += bytes;
        budget.add(bytes);
    }

    private static long weight(Bytes key, byte[] value) {
        return key.get().length + value.length + ENTRY_OVERHEAD;
    }

    /** False when {@code key} is certainly not in RocksDB, as far as this store knows (a read of it skips RocksDB). */
    boolean rocksMayHave(Bytes key) {
        RocksKeyFilter keys = rocksKeys;
        return keys == null || keys.mayHave(key);
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
     * A value held in memory, and whether RocksDB has it. The flag is read and set only under the store's lock; reads by
     * key (any thread, no lock) look at the bytes alone, which are final.
     */
    private static final class Held {

        private final byte[] bytes;
        private boolean written;

        Held(byte[] bytes) {
            this.bytes = bytes;
        }

        void written() {
            written = true;
        }
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
