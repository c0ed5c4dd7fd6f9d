package dev.hone.recommender.learner;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * A learner's last event ids (the resend window), kept the way the answer path uses them: an id
 * in the canonical UUID form ingest assigns is held as its two longs, any other id as its string.
 * Every answer checks its id against the window, appends it and stores the window again, up to
 * {@link LearnerState#RECENT_EVENTS} ids; as strings, parsing and formatting 256 UUIDs was most of
 * the cost of reading and writing a long-practised learner's state. An immutable
 * {@code List<String>}: an id's string is made only when it is read.
 */
final class RecentEventIds extends AbstractList<String> implements RandomAccess {

    static final RecentEventIds EMPTY = new RecentEventIds(0, null, null);

    private final int size;
    /** Two longs per id, most significant first (zero for an id kept as a string); null when no id is a UUID. */
    private final long[] bits;
    /** The id's string, or null for an id kept as its UUID's longs; null when every id is a UUID. */
    private final String[] others;

    private RecentEventIds(int size, long[] bits, String[] others) {
        this.size = size;
        this.bits = bits;
        this.others = others;
    }

    /** {@code ids} as a window (itself if it is one already). */
    static RecentEventIds of(List<String> ids) {
        if (ids instanceof RecentEventIds window) {
            return window;
        }
        var builder = new Builder(ids.size());
        ids.forEach(builder::add);
        return builder.build();
    }

    /** This window with {@code id} appended, the oldest ids dropped beyond {@code max}. */
    RecentEventIds append(String id, int max) {
        int keep = Math.min(size(), max - 1);
        int from = size() - keep;
        boolean uuid = isCanonicalUuid(id);
        // the usual windows are all UUIDs (ingest's ids) or none: their one array copied as it is
        if (uuid && others == null) {
            long[] next = new long[2 * (keep + 1)];
            if (keep > 0) {
                System.arraycopy(bits, 2 * from, next, 0, 2 * keep);
            }
            next[2 * keep] = msbOf(id);
            next[2 * keep + 1] = lsbOf(id);
            return new RecentEventIds(keep + 1, next, null);
        }
        if (!uuid && bits == null) {
            String[] next = new String[keep + 1];
            if (keep > 0) {
                System.arraycopy(others, from, next, 0, keep);
            }
            next[keep] = id;
            return new RecentEventIds(keep + 1, null, next);
        }
        var builder = new Builder(keep + 1);
        for (int i = from; i < size; i++) {
            if (isUuid(i)) {
                builder.addUuid(msb(i), lsb(i));
            } else {
                builder.addText(others[i]);
            }
        }
        builder.add(id);
        return builder.build();
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String id)) {
            return false;
        }
        if (isCanonicalUuid(id)) {
            if (bits == null) {
                return false;
            }
            long msb = msbOf(id);
            long lsb = lsbOf(id);
            for (int i = 0; i < size; i++) {
                if (bits[2 * i] == msb && bits[2 * i + 1] == lsb && isUuid(i)) {
                    return true;
                }
            }
            return false;
        }
        if (others == null) {
            return false;
        }
        for (String other : others) {
            if (id.equals(other)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, size);
        return isUuid(index) ? new UUID(bits[2 * index], bits[2 * index + 1]).toString() : others[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether the {@code index}-th id is a UUID kept as its longs ({@link #msb}, {@link #lsb}). */
    boolean isUuid(int index) {
        return others == null || others[index] == null;
    }

    long msb(int index) {
        return bits[2 * index];
    }

    long lsb(int index) {
        return bits[2 * index + 1];
    }

    /** Lower-case 8-4-4-4-12 hex, exactly as {@link UUID#toString()} writes it, so it reads back as the same string. */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The first half of a canonical UUID: 8-4-4 hex digits. */
    private static long msbOf(String uuid) {
        return hexLong(uuid, 0, 8, 9, 13, 14, 18);
    }

    /** The second half of a canonical UUID: 4-12 hex digits. */
    private static long lsbOf(String uuid) {
        return hexLong(uuid, 19, 23, 24, 36, 36, 36);
    }

    /** The hex digits of {@code s} in three ranges as one long (a canonical UUID's halves skip its dashes). */
    private static long hexLong(String s, int from1, int to1, int from2, int to2, int from3, int to3) {
        long v = 0;
        v = hex(s, from1, to1, v);
        v = hex(s, from2, to2, v);
        return hex(s, from3, to3, v);
    }

    private static long hex(String s, int from, int to, long v) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            v = (v << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }

    /** Builds a window id by id (the codec reads one this way). */
    static final class Builder {
        private final long[] bits;
        private final String[] others;
        private int size;
        private int uuids;

        Builder(int capacity) {
            bits = new long[2 * capacity];
            others = new String[capacity];
        }

        void add(String id) {
            if (isCanonicalUuid(id)) {
                addUuid(msbOf(id), lsbOf(id));
            } else {
                addText(id);
            }
        }

        /** An id that is not a canonical UUID. */
        private void addText(String id) {
            others[size++] = id;
        }

        void addUuid(long msb, long lsb) {
            bits[2 * size] = msb;
            bits[2 * size + 1] = lsb;
            others[size++] = null;
            uuids++;
        }

        /** The window, keeping only the arrays it needs: ingest's ids are all UUIDs, other sources' none. */
        RecentEventIds build() {
            long[] keptBits = uuids == 0 ? null : size == others.length ? bits : Arrays.copyOf(bits, 2 * size);
            String[] keptOthers = uuids == size ? null : size == others.length ? others : Arrays.copyOf(others, size);
            return new RecentEventIds(size, keptBits, keptOthers);
        }
    }
}
