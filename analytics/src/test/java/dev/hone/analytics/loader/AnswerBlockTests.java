package dev.hone.analytics.loader;

import dev.hone.events.AnswerRecorded;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerBlockTests {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00.250Z");

    @Test
    void encodesEachColumnOfTheInsertInRowBinaryWithTheTrackLast() throws IOException {
        var block = new AnswerBlock();
        block.add(answer("e-1", "ad\u00e9", List.of("a", "c"), 0.25, 4200, AT.plusSeconds(1)), 3, 1L << 33);

        ByteBuffer row = read(block.withTracks(Map.of("ad\u00e9", "web")));

        assertThat(List.of(string(row), string(row), string(row), string(row), string(row))).containsExactly("e-1", "ad\u00e9", "core.gil.q01", "core.gil", "single_choice");
        assertThat(row.get()).isEqualTo((byte) 2);
        assertThat(row.get()).isEqualTo((byte) 1);
        assertThat(row.getFloat()).isEqualTo(0.25f);
        assertThat(List.of(row.get(), string(row), string(row))).containsExactly((byte) 2, "a", "c");
        assertThat(row.getInt()).isEqualTo(4200);
        assertThat(Integer.toUnsignedLong(row.getInt())).isEqualTo(AT.getEpochSecond());
        assertThat(Integer.toUnsignedLong(row.getInt())).isEqualTo(AT.getEpochSecond() + 1);
        assertThat(row.getInt()).isEqualTo(3);
        assertThat(row.getLong()).isEqualTo(1L << 33);
        assertThat(string(row)).isEqualTo("web");
        assertThat(row.hasRemaining()).isFalse();
    }

    @Test
    void aLearnerWithoutAProfileHasAnEmptyTrackAndAMissingRecordedAtIsTheAnswerTime() throws IOException {
        var block = new AnswerBlock();
        block.add(answer("e-1", "ada", List.of(), 1, 0, null), 0, 7);

        ByteBuffer row = read(block.withTracks(Map.of()));

        skip(row, 5);
        row.position(row.position() + 2 + 4 + 1 + 4);
        int answeredAt = row.getInt();
        int recordedAt = row.getInt();
        assertThat(recordedAt).isEqualTo(answeredAt);
        row.position(row.position() + 4 + 8);
        assertThat(string(row)).isEmpty();
        assertThat(row.hasRemaining()).isFalse();
    }

    @Test
    void removingRowsKeepsTheOthersInOrderWithTheirOwnTracks() throws IOException {
        var block = new AnswerBlock();
        for (int i = 0; i < 3000; i++) {
            block.add(answer("e-" + i, "learner-" + (i % 3), List.of("a"), 1, i, null), i % 2, i);
        }

        int dropped = block.removeIf((learner, partition, at) -> partition == 1 || learner.equals("learner-2"));
        ByteBuffer rows = read(block.withTracks(Map.of("learner-0", "web", "learner-1", "senior")));

        assertThat(dropped).isEqualTo(2000);
        assertThat(block.size()).isEqualTo(1000);
        List<String> seen = new ArrayList<>();
        while (rows.hasRemaining()) {
            String eventId = string(rows);
            String learner = string(rows);
            skip(rows, 3);
            rows.position(rows.position() + 2 + 4);
            skip(rows, rows.get());
            rows.position(rows.position() + 4 + 4 + 4 + 4 + 8);
            seen.add(eventId + "/" + learner + "/" + string(rows));
        }
        assertThat(seen).hasSize(1000).startsWith("e-0/learner-0/web", "e-4/learner-1/senior", "e-6/learner-0/web");
    }

    private static AnswerRecorded answer(String eventId, String learner, List<String> chosen, double score, long responseMs, Instant recordedAt) {
        return new AnswerRecorded(AnswerRecorded.SCHEMA, eventId, learner, "core.gil.q01", "core.gil", List.of("core.gil"), "single_choice", 2,
                chosen, null, score > 0, score, AT, responseMs, recordedAt);
    }

    private static ByteBuffer read(InputStream in) throws IOException {
        return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A RowBinary String (test values are shorter than 128 bytes: a one-byte length). */
    private static String string(ByteBuffer b) {
        byte[] utf8 = new byte[b.get()];
        b.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void skip(ByteBuffer b, int strings) {
        for (int i = 0; i < strings; i++) {
            string(b);
        }
    }
}
