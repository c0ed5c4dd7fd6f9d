package dev.hone.recommender.item;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * A question's delta while the learner side gathers it, kept in its binary form
 * ({@link ItemDeltaCodec}) and grown by appending: an answer costs ~25 bytes appended and one
 * array copy, not decoding and encoding the whole delta (which the bench's profile showed as
 * most of the gathering's cost). {@link #encode} gives exactly the bytes
 * {@code new ItemDeltaCodec().encode(...)} gives for the same answers. Not thread-safe.
 */
public final class PendingDelta {

    private static final int OBSERVATION_BYTES = Double.BYTES + 1 + Long.BYTES + Double.BYTES;

    private final String questionId;
    private final int catalogDifficulty;
    private String topicId;
    private byte[] head;
    private byte[] observations = new byte[OBSERVATION_BYTES * 4];
    private int size;
    private int count;
    /** Bytes and answers of {@link #observations} already in a logged increment ({@link #encodeUnlogged}). */
    private int loggedSize;
    private int loggedCount;
    private String lastEventId;
    private Instant lastAnsweredAt;

    private PendingDelta(String questionId, String topicId, int catalogDifficulty) {
        this.questionId = questionId;
        this.catalogDifficulty = catalogDifficulty;
        topic(topicId);
    }

    /** A delta of one answer. */
    public static PendingDelta of(ItemAnswer first) {
        var delta = new PendingDelta(first.questionId(), first.topicId(), first.catalogDifficulty());
        delta.add(first);
        return delta;
    }

    /** The delta as it was stored (after a restart, from the restored store), all of it logged. */
    public static PendingDelta of(ItemDelta stored) {
        var delta = new PendingDelta(stored.questionId(), stored.topicId(), stored.catalogDifficulty());
        delta.merge(stored);
        return delta;
    }

    /** Appends a logged increment of the same question (restoring: the increments in the order they were logged). */
    public void merge(ItemDelta increment) {
        if (!java.util.Objects.equals(increment.topicId(), topicId)) {
            topic(increment.topicId());
        }
        for (ItemDelta.Observation o : increment.observations()) {
            append(o.score(), o.correct(), o.responseMs(), o.predicted());
        }
        lastEventId = increment.lastEventId();
        lastAnsweredAt = increment.lastAnsweredAt();
        loggedSize = size;
        loggedCount = count;
    }

    /** Appends an answer to the same question. */
    public void add(ItemAnswer answer) {
        if (!java.util.Objects.equals(answer.topicId(), topicId)) {
            topic(answer.topicId());
        }
        append(answer.score(), answer.correct(), answer.responseMs(), answer.predicted());
        lastEventId = answer.eventId();
        lastAnsweredAt = answer.answeredAt();
    }

    /** How many answers the delta holds. */
    public int size() {
        return count;
    }

    /** Whether answers were added since the last {@link #encodeUnlogged}. */
    public boolean hasUnlogged() {
        return count > loggedCount;
    }

    /**
     * The answers added since the last call, as a delta of its own (the last event id and time are the whole delta's),
     * and marks them logged. {@link #merge} of the increments, in order, gives back this delta.
     */
    public byte[] encodeUnlogged() {
        byte[] increment = encode(loggedSize, loggedCount);
        loggedSize = size;
        loggedCount = count;
        return increment;
    }

    /** The binary form of the delta so far. */
    public byte[] encode() {
        return encode(0, 0);
    }

    /** The delta of the answers from the {@code fromCount}-th on, which begin at byte {@code fromByte}. */
    private byte[] encode(int fromByte, int fromCount) {
        // the last event id and instant, as CompactCodec writes them: a presence byte, then writeUTF's 2-byte length
        // and chars (plain ASCII here: ingest's UUIDs; anything else goes through DataOutputStream), 8 + 4 bytes
        String id = lastEventId;
        boolean plainId = id == null || isPlainAscii(id);
        byte[] tail = plainId ? null : write(out -> CompactCodec.writeString(out, id));
        int idBytes = tail != null ? tail.length : id == null ? 1 : 3 + id.length();
        int instantBytes = lastAnsweredAt == null ? 1 : 13;
        int observed = size - fromByte;
        byte[] bytes = new byte[head.length + Integer.BYTES + observed + idBytes + instantBytes];
        System.arraycopy(head, 0, bytes, 0, head.length);
        int at = putInt(bytes, head.length, count - fromCount);
        System.arraycopy(observations, fromByte, bytes, at, observed);
        at += observed;
        if (tail != null) {
            System.arraycopy(tail, 0, bytes, at, tail.length);
            at += tail.length;
        } else if (id == null) {
            bytes[at++] = 0;
        } else {
            bytes[at++] = 1;
            bytes[at++] = (byte) (id.length() >>> 8);
            bytes[at++] = (byte) id.length();
            for (int i = 0; i < id.length(); i++) {
                bytes[at++] = (byte) id.charAt(i);
            }
        }
        if (lastAnsweredAt == null) {
            bytes[at] = 0;
        } else {
            bytes[at++] = 1;
            long seconds = lastAnsweredAt.getEpochSecond();
            at = putInt(bytes, at, (int) (seconds >>> 32));
            at = putInt(bytes, at, (int) seconds);
            putInt(bytes, at, lastAnsweredAt.getNano());
        }
        return bytes;
    }

    /** Whether writeUTF writes {@code s} as its chars, one byte each (1..127, and short enough for its length field). */
    private static boolean isPlainAscii(String s) {
        if (s.length() > 65_535) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 127) {
                return false;
            }
        }
        return true;
    }

    private static int putInt(byte[] bytes, int at, int v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[at++] = (byte) (v >>> shift);
        }
        return at;
    }

    private void topic(String topicId) {
        this.topicId = topicId;
        head = write(out -> {
            out.writeByte(ItemDeltaCodec.FORMAT);
            CompactCodec.writeString(out, questionId);
            CompactCodec.writeString(out, topicId);
            out.writeInt(catalogDifficulty);
        });
    }

    // the same bytes DataOutputStream writes: big-endian, a boolean as one byte
    private void append(double score, boolean correct, long responseMs, double predicted) {
        if (size + OBSERVATION_BYTES > observations.length) {
            observations = Arrays.copyOf(observations, observations.length * 2);
        }
        putLong(Double.doubleToLongBits(score));
        observations[size++] = (byte) (correct ? 1 : 0);
        putLong(responseMs);
        putLong(Double.doubleToLongBits(predicted));
        count++;
    }

    private void putLong(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            observations[size++] = (byte) (v >>> shift);
        }
    }

    private interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Fields fields) {
        var bytes = new ByteArrayOutputStream(64);
        try (var out = new DataOutputStream(bytes)) {
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }
}
