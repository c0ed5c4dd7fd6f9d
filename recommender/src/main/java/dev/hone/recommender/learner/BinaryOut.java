package dev.hone.recommender.learner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The writing half of the learner state's binary form ({@link LearnerStateCodec}): varints, compact
 * numbers, strings through a per-record dictionary and event ids. {@link BinaryIn} is its mirror.
 */
final class BinaryOut {

    /** Each thread's writer, reset for each record: its buffer and dictionary table are made once, not per record. */
    private static final ThreadLocal<BinaryOut> REUSED = ThreadLocal.withInitial(BinaryOut::new);
    /** A buffer grown past this by one record is not kept for the next. */
    private static final int KEPT_BUFFER = 64 * 1024;

    /**
     * How many ids a thread's writer keeps cut at their last '.': the catalog's question and topic ids, which
     * every learner's state repeats, so a record's strings are not cut and hashed again each time.
     */
    private static final int MAX_SPLITS = 10_000;
    private static final Split NOT_SPLIT = new Split(null, null);

    private final Map<String, Integer> dictionary = new HashMap<>();
    /** Kept across records (not reset): {@link #split}. */
    private final Map<String, Split> splits = new HashMap<>();
    private byte[] buf = new byte[512];
    private int size;
    private final PreviousEventId previousEventId = new PreviousEventId();
    private String previousString = "";

    /** This thread's writer, empty; a record's writing must end ({@link #toByteArray}) before the next begins on the thread. */
    static BinaryOut reused() {
        BinaryOut out = REUSED.get();
        if (out.buf.length > KEPT_BUFFER) {
            out.buf = new byte[512];
        }
        out.size = 0;
        out.dictionary.clear();
        out.previousEventId.text("");
        out.previousString = "";
        return out;
    }

    BinaryOut writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** Unsigned LEB128: 7 bits a byte, low bits first. */
    BinaryOut writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    BinaryOut writeSignedVarLong(long v) {
        return writeVarLong((v << 1) ^ (v >> 63));
    }

    BinaryOut writeDouble(double d) {
        long bits = Double.doubleToRawLongBits(d);
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    BinaryOut writeFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (bits >>> (8 * i));
        }
        return this;
    }

    /**
     * A number that is most often a small whole one (a score sum, a score of 0 or 1) in one byte:
     * a whole value as a zig-zag varint shifted left by one (low bit 0), anything else as the byte 1
     * and the double's 8 bytes, so every double (-0.0 and NaN included) reads back bit for bit.
     */
    BinaryOut writeNumber(double d) {
        long whole = (long) d;
        boolean exact = whole == d && Math.abs(whole) < (1L << 53) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0);
        if (exact) {
            return writeVarLong(((whole << 1) ^ (whole >> 63)) << 1);
        }
        return writeByte(1).writeDouble(d);
    }

    BinaryOut writeBytes(byte[] bytes) {
        writeVarLong(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /**
     * A string through the record's dictionary, by tag {@code (n << 2) | kind}: kind 0 a new string
     * of n UTF-8 bytes; 1 the n-th string met before; 2 the n-th string met before, a '.' and a new
     * tail; 3 the first n chars of the string written just before and a new tail. A question id
     * ({@code advanced.asyncio.q01}) is then its topic's entry and "q01", an id met twice (placement
     * log and recent questions) one or two bytes, and sorted topic ids share their prefixes.
     */
    BinaryOut writeString(String s) {
        Integer seen = dictionary.get(s);
        String previous = previousString;
        previousString = s;
        if (seen != null) {
            return writeVarLong(((long) seen << 2) | 1);
        }
        Split split = split(s);
        Integer head = split.head() != null ? dictionary.get(split.head()) : null;
        dictionary.put(s, dictionary.size());
        if (head != null) {
            return writeVarLong(((long) head << 2) | 2).writeBytes(split.tail());
        }
        int shared = sharedPrefix(previous, s);
        if (shared > 1) {
            return writeVarLong(((long) shared << 2) | 3).writeUtf8(s.substring(shared));
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong((long) utf8.length << 2);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /** {@code s} cut at its last '.' (none: a null head), from this thread's cache of the ids it has written. */
    private Split split(String s) {
        Split split = splits.get(s);
        if (split == null) {
            int dot = s.lastIndexOf('.');
            split = dot > 0 ? new Split(s.substring(0, dot), s.substring(dot + 1).getBytes(StandardCharsets.UTF_8)) : NOT_SPLIT;
            if (splits.size() >= MAX_SPLITS) {
                splits.clear();
            }
            splits.put(s, split);
        }
        return split;
    }

    private BinaryOut writeUtf8(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An event id that is not a canonical UUID (those are {@link #writeUuidEventId}): tag 1 + the
     * number of leading chars shared with the previous event id, then the rest as UTF-8 (sequential
     * ids such as "e17-3", "e17-4" cost a few bytes).
     */
    BinaryOut writeEventId(String id) {
        int shared = sharedPrefix(previousEventId.text(), id);
        writeVarLong(shared + 1L).writeUtf8(id.substring(shared));
        previousEventId.text(id);
        return this;
    }

    /** An event id that is a canonical UUID (ingest's ids), from its two longs: tag 0 and its 16 bytes. */
    BinaryOut writeUuidEventId(long msb, long lsb) {
        writeVarLong(0);
        ensure(16);
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (msb >>> (8 * i));
        }
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (lsb >>> (8 * i));
        }
        previousEventId.uuid(msb, lsb);
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        // never split a surrogate pair: the tail is written as UTF-8 on its own
        return i > 0 && Character.isHighSurrogate(b.charAt(i - 1)) ? i - 1 : i;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /** An id's part before its last '.' and the UTF-8 of the part after it. */
    private record Split(String head, byte[] tail) {
    }
}
