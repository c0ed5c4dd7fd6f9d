package dev.hone.recommender.streams;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The keys a store's RocksDB may have, as a Bloom filter (Guava's: lock-free, so interactive-query threads read it while
 * the stream thread adds to it). A key it has never seen is certainly not in RocksDB, so reading it needs no RocksDB
 * call: a learner's first answer then costs no JNI round trip, and no C++ exception either, which is how RocksJava
 * reports "not found". A key it may have seen (1% of the others, by its false-positive rate) is read from RocksDB as
 * before. It cannot forget a key: a deleted key stays "maybe" and reads as RocksDB says.
 *
 * <p>It holds up to {@link #capacity} keys at that rate; past it, {@link #full} tells the store to scan RocksDB into a
 * larger one. A store with more than {@link #MAX_KEYS} keys goes without.
 */
final class RocksKeyFilter {

    /**
     * Keys a new filter has room for at least: ~80 KB per store. Small on purpose: each new key sets 7 bits at random
     * places in it, and a filter that stays in the CPU's caches costs a fraction of one that does not.
     */
    static final long MIN_KEYS = 1L << 16;
    /**
     * Keys above which a store goes without a filter (~1.2 MB each). The scan that makes one runs on the stream thread
     * inside a transaction (exactly-once: 10 s before the producer is fenced, by Streams' default) and reads every
     * value too (Streams' store has no keys-only iterator): a million states of up to ~2 KB is a few seconds at most.
     */
    static final long MAX_KEYS = 1L << 20;
    private static final double FALSE_POSITIVES = 0.01;

    private final BloomFilter<byte[]> filter;
    private final long capacity;
    private long added;

    private RocksKeyFilter(long capacity) {
        this.capacity = capacity;
        this.filter = BloomFilter.create(Funnels.byteArrayFunnel(), capacity, FALSE_POSITIVES);
    }

    /**
     * Every key of {@code rocks}, in a filter with room for twice as many and for {@code atLeast}; null when there are
     * more than {@link #MAX_KEYS}. Reads the whole store: made when a store is first written, and when one fills up.
     */
    static RocksKeyFilter scan(KeyValueStore<Bytes, byte[]> rocks, long atLeast) {
        long estimate = rocks.approximateNumEntries();
        if (estimate > MAX_KEYS || atLeast > MAX_KEYS) {
            return null;
        }
        var keys = new RocksKeyFilter(Math.min(MAX_KEYS, Math.max(MIN_KEYS, Math.max(2 * estimate, atLeast))));
        try (var all = rocks.all()) {
            while (all.hasNext()) {
                keys.add(all.next().key);
            }
        }
        return keys;
    }

    /** False when RocksDB certainly does not have {@code key}. */
    boolean mayHave(Bytes key) {
        return filter.mightContain(key.get());
    }

    void add(Bytes key) {
        if (filter.put(key.get())) {
            added++; // the bits changed: a key not added before
        }
    }

    /** Holds more keys than it was made for: its false positives grow from here. */
    boolean full() {
        return added > capacity;
    }

    long added() {
        return added;
    }
}
