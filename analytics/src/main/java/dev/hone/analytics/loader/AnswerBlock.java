package dev.hone.analytics.loader;

import dev.hone.events.AnswerRecorded;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of answers held as ClickHouse RowBinary bytes, encoded as each record is read. The loader
 * used to keep every answer of a batch as objects (~25 per row) until ClickHouse acknowledged
 * it: with two batches of 100k rows alive, each young collection copied millions of them, and
 * the profile under the loader benchmark showed seconds of GC pauses per million rows. Here a
 * row is a slice of one byte array plus a few ints.
 * <p>
 * The track is not known while the batch fills (it is looked up once per insert, see
 * {@link LearnerTracks}), so it is the last column of {@code insert_answers.sql} and is
 * appended to each row as the block is streamed to ClickHouse.
 */
final class AnswerBlock {

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private byte[] bytes = new byte[1 << 16];
    private int length;
    private int rows;
    private int[] starts = new int[1024];
    private int[] learners = new int[1024];
    private int[] partitions = new int[1024];
    private long[] recordedSeconds = new long[1024];
    private int[] recordedNanos = new int[1024];
    private final Map<String, Integer> learnerIndex = new HashMap<>();
    private final List<String> learnerIds = new ArrayList<>();

    /** Appends one answer with where it came from in Kafka (columns of {@code insert_answers.sql}, track aside). */
    void add(AnswerRecorded a, int partition, long offset) {
        if (rows == starts.length) {
            grow();
        }
        Instant recorded = a.recordedAt() != null ? a.recordedAt() : a.answeredAt();
        starts[rows] = length;
        learners[rows] = learnerIndex(a.learnerId());
        partitions[rows] = partition;
        recordedSeconds[rows] = recorded.getEpochSecond();
        recordedNanos[rows] = recorded.getNano();
        rows++;
        string(a.eventId());
        string(a.learnerId());
        string(a.questionId());
        string(a.topicId());
        string(a.kind());
        uint8(a.difficulty());
        uint8(a.correct() ? 1 : 0);
        int32(Float.floatToIntBits(Double.isFinite(a.score()) ? (float) a.score() : 0f));
        List<String> chosen = a.chosenOptions() == null ? List.of() : a.chosenOptions();
        varint(chosen.size());
        chosen.forEach(this::string);
        int32((int) Math.max(0, Math.min(a.responseMs(), UINT32_MAX)));
        dateTime(a.answeredAt());
        dateTime(recorded);
        int32(partition);
        int64(offset);
    }

    private int learnerIndex(String learnerId) {
        Integer known = learnerIndex.get(learnerId);
        if (known != null) {
            return known;
        }
        learnerIds.add(learnerId);
        learnerIndex.put(learnerId, learnerIds.size() - 1);
        return learnerIds.size() - 1;
    }

    int size() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** The distinct learners of the block, for the track look-up. */
    List<String> learnerIds() {
        return learnerIds;
    }

    /** Which rows {@link #removeIf} drops. */
    @FunctionalInterface
    interface RowFilter {
        boolean drop(String learnerId, int partition, Instant recordedAt);
    }

    /** Drops the rows the filter names, keeping the others in order; returns how many went. */
    int removeIf(RowFilter filter) {
        int kept = 0;
        int keptLength = 0;
        for (int i = 0; i < rows; i++) {
            if (filter.drop(learnerIds.get(learners[i]), partitions[i], Instant.ofEpochSecond(recordedSeconds[i], recordedNanos[i]))) {
                continue;
            }
            int start = starts[i];
            int end = i + 1 < rows ? starts[i + 1] : length;
            System.arraycopy(bytes, start, bytes, keptLength, end - start);
            starts[kept] = keptLength;
            learners[kept] = learners[i];
            partitions[kept] = partitions[i];
            recordedSeconds[kept] = recordedSeconds[i];
            recordedNanos[kept] = recordedNanos[i];
            keptLength += end - start;
            kept++;
        }
        int dropped = rows - kept;
        rows = kept;
        length = keptLength;
        return dropped;
    }

    /**
     * The rows as one RowBinary stream, each followed by its learner's track ({@code ""} for a
     * learner without a profile), read lazily: nothing is copied into a second buffer.
     */
    InputStream withTracks(Map<String, String> tracks) {
        byte[][] trackColumn = new byte[learnerIds.size()][];
        for (int i = 0; i < trackColumn.length; i++) {
            trackColumn[i] = rowBinary(tracks.getOrDefault(learnerIds.get(i), ""));
        }
        return new RowStream(trackColumn);
    }

    /** One String value in RowBinary: its UTF-8 length as a LEB128 varint, then the bytes. */
    static byte[] rowBinary(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[5 + utf8.length];
        int n = 0;
        int v = utf8.length;
        while ((v & ~0x7F) != 0) {
            out[n++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[n++] = (byte) v;
        System.arraycopy(utf8, 0, out, n, utf8.length);
        return Arrays.copyOf(out, n + utf8.length);
    }

    void clear() {
        rows = 0;
        length = 0;
        learnerIndex.clear();
        learnerIds.clear();
    }

    private void grow() {
        int n = starts.length * 2;
        starts = Arrays.copyOf(starts, n);
        learners = Arrays.copyOf(learners, n);
        partitions = Arrays.copyOf(partitions, n);
        recordedSeconds = Arrays.copyOf(recordedSeconds, n);
        recordedNanos = Arrays.copyOf(recordedNanos, n);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** A String: its UTF-8 length as a LEB128 varint, then the bytes; null as "" (as the TSV path wrote it). */
    private void string(String s) {
        if (s == null) {
            varint(0);
            return;
        }
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (!ascii) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            raw(utf8);
            return;
        }
        varint(n);
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    private void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void varint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            bytes[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    /** UInt8, clamped: a value outside 0-255 is the nearest end, not a wrap-around. */
    private void uint8(int v) {
        ensure(1);
        bytes[length++] = (byte) Math.max(0, Math.min(v, 255));
    }

    private void int32(int v) {
        ensure(4);
        bytes[length++] = (byte) v;
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 24);
    }

    private void int64(long v) {
        int32((int) v);
        int32((int) (v >>> 32));
    }

    /** A DateTime: unix seconds as UInt32, which does not depend on the server's time zone. */
    private void dateTime(Instant t) {
        int32((int) Math.max(0, Math.min(t.getEpochSecond(), UINT32_MAX)));
    }

    /** Row i's bytes, then its learner's track, then row i + 1's, ... */
    private final class RowStream extends InputStream {
        private final byte[][] trackColumn;
        private int row;
        private int rowPos = rows > 0 ? starts[0] : 0;
        private int trackPos = -1; // -1: in the row's own bytes; otherwise how far into its track

        RowStream(byte[][] trackColumn) {
            this.trackColumn = trackColumn;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) {
            if (row >= rows) {
                return -1;
            }
            int copied = 0;
            while (copied < len && row < rows) {
                if (trackPos < 0) {
                    int end = row + 1 < rows ? starts[row + 1] : length;
                    int n = Math.min(len - copied, end - rowPos);
                    System.arraycopy(bytes, rowPos, out, off + copied, n);
                    copied += n;
                    rowPos += n;
                    if (rowPos == end) {
                        trackPos = 0;
                    }
                } else {
                    byte[] track = trackColumn[learners[row]];
                    int n = Math.min(len - copied, track.length - trackPos);
                    System.arraycopy(track, trackPos, out, off + copied, n);
                    copied += n;
                    trackPos += n;
                    if (trackPos == track.length) {
                        trackPos = -1;
                        row++;
                        rowPos = row < rows ? starts[row] : length;
                    }
                }
            }
            return copied;
        }
    }
}
