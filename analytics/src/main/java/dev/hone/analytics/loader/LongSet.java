package dev.hone.analytics.loader;

import java.util.Arrays;

/** An open-addressing set of non-zero longs: 8-16 bytes an entry, where a HashSet<Long> takes ~60. */
final class LongSet {

    private long[] slots = new long[1024];
    private int size;

    /** Adds {@code v}; false when it was there already. */
    boolean add(long v) {
        long key = v == 0 ? 1 : v;
        if (size * 2 >= slots.length) {
            grow();
        }
        int i = index(key, slots.length);
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & (slots.length - 1);
        }
        slots[i] = key;
        size++;
        return true;
    }

    boolean contains(long v) {
        long key = v == 0 ? 1 : v;
        int i = index(key, slots.length);
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return true;
            }
            i = (i + 1) & (slots.length - 1);
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(k -> k != 0).forEach(this::add);
    }

    private static int index(long key, int length) {
        return (int) (mix(key) & (length - 1));
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb53fe1a85ec3L;
        h ^= h >>> 33;
        return h;
    }
}
