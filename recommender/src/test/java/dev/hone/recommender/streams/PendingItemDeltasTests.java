package dev.hone.recommender.streams;

import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemDelta;
import dev.hone.recommender.item.PendingDelta;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records of the pending item deltas' store, apart from the topology ({@link ItemDeltaTopologyTests} runs it). */
class PendingItemDeltasTests {

    @Test
    void sequenceKeysAreAsciiInEveryLocaleAndSortAfterTheQuestionIdsOlderVersionsUsed() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG")); // formats digits as Arabic-Indic by default
            assertThat(PendingItemDeltas.sequenceKey(42)).isEqualTo("~0000000000000000042");
        } finally {
            Locale.setDefault(before);
        }
        assertThat(PendingItemDeltas.sequenceKey(9)).isLessThan(PendingItemDeltas.sequenceKey(10));
        assertThat("core.gil.q01").isLessThan(PendingItemDeltas.sequenceKey(0));
        assertThat("9.numbers.q01").isLessThan(PendingItemDeltas.sequenceKey(0));
    }

    @Test
    void aWholeDeltaLoggedByAnOlderVersionReadsAsItself() {
        ItemDelta whole = ItemDelta.of(answer("e1")).plus(answer("e2"));

        assertThat(PendingItemDeltas.increments(BinarySerde.itemDelta().serialize("t", whole))).containsExactly(whole);
    }

    @Test
    void aLoggedRecordReadsAsItsIncrementsInOrder() {
        PendingDelta first = PendingDelta.of(answer("e1"));
        byte[] one = first.encodeUnlogged();
        first.add(answer("e2"));
        byte[] two = first.encodeUnlogged();

        var increments = PendingItemDeltas.increments(record(one, two));

        assertThat(increments).extracting(ItemDelta::lastEventId).containsExactly("e1", "e2");
        assertThat(increments).allSatisfy(d -> assertThat(d.observations()).hasSize(1));
    }

    @Test
    void aTruncatedRecordIsRefusedWithTheReason() {
        byte[] whole = record(PendingDelta.of(answer("e1")).encodeUnlogged());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> PendingItemDeltas.increments(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increment 0 ends past the record");
    }

    /** A logged record as the store writes one: the format byte, then each increment's length and bytes. */
    private static byte[] record(byte[]... increments) {
        var out = new ByteArrayOutputStream();
        out.write(PendingItemDeltas.LOG_FORMAT);
        for (byte[] increment : increments) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(increment.length).array());
            out.writeBytes(increment);
        }
        return out.toByteArray();
    }

    private static ItemAnswer answer(String eventId) {
        return new ItemAnswer(eventId, "core.gil.q01", "core.gil", 2, 1, true, 1_000, 0.5, Instant.parse("2026-11-01T10:00:00Z"));
    }
}
