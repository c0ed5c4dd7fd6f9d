package dev.hone.analytics.loader;

/**
 * An open-addressing set of non-zero longs, each tagged with an int (the week {@link SeenEvents}
 * files it under): 12-24 bytes an entry, where a HashSet<Long> takes ~60. One table for every
 * week, so a look-up is one probe sequence; it was one set per week, and the loader's consumer
 * thread spent ~10% of its time probing six of them for each answer.
 */
final class LongSet {

    private long[] slots = new long[1024];
    private int[] tags = new int[1024];
    private int size;
    private int lowestTag = Integer.MAX_VALUE;

    /** Adds {@code v} with {@code tag}; false (and the tag unchanged) when it was there already. */
    boolean add(long v, int tag) {
        long key = v == 0 ? 1 : v;
        if (size * 2 >= slots.length) {
            rebuild(slots.length * 2, Integer.MIN_VALUE);
        }
        int i = index(key, slots.length);
        while (slots[i] != 0) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & (slots.length - 1);
        }
        slots[i] = key;
        tags[i] = tag;
        size++;
        lowestTag = Math.min(lowestTag, tag);
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

    /** Removes every entry tagged below {@code tag}; costs nothing when there is none. */
    void removeTagsBelow(int tag) {
        if (lowestTag < tag) {
            rebuild(slots.length, tag);
        }
    }

    int size() {
        return size;
    }

    private void rebuild(int length, int keepFromTag) {
        long[] oldSlots = slots;
        int[] oldTags = tags;
        slots = new long[length];
        tags = new int[length];
        size = 0;
        lowestTag = Integer.MAX_VALUE;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0 && oldTags[i] >= keepFromTag) {
                add(oldSlots[i], oldTags[i]);
            }
        }
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
