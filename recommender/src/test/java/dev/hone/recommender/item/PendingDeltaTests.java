package dev.hone.recommender.item;

import org.junit.jupiter.api.Test;

import java.io.UTFDataFormatException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingDeltaTests {

    private final ItemDeltaCodec codec = new ItemDeltaCodec();

    @Test
    void anAppendedDeltaHasTheBytesOfTheWholeDeltaEncodedAtOnce() {
        ItemAnswer first = answer("e1", "core.gil", 1, true, 4_000, 0.61);
        PendingDelta pending = PendingDelta.of(first);
        ItemDelta whole = ItemDelta.of(first);
        assertThat(pending.encode()).isEqualTo(codec.encode(whole));

        for (int i = 2; i <= 40; i++) {
            // the topic id changes once, as when the catalog moves a question
            ItemAnswer next = answer("e" + i, i < 30 ? "core.gil" : "core.threads", i % 3 == 0 ? 0.5 : i % 2, i % 2 == 1, i % 4 == 0 ? 0 : 1_000L * i, 1.0 / i);
            pending.add(next);
            whole = whole.plus(next);
        }

        assertThat(pending.encode()).isEqualTo(codec.encode(whole));
        assertThat(codec.decode(pending.encode())).isEqualTo(whole);
    }

    @Test
    void everyKindOfEventIdAndInstantIsWrittenAsTheCodecWritesIt() {
        var ids = new String[] {null, "0f8fad5b-d9cb-469f-a165-70867728950e", "évènement-1", "with\0nul", "\uD83D\uDE00", "", "x".repeat(300)};
        var instants = new Instant[] {Instant.parse("1969-07-20T20:17:40.123456789Z"), Instant.EPOCH, Instant.parse("2026-11-01T10:00:00Z"), null};
        for (String id : ids) {
            for (Instant at : instants) {
                ItemAnswer one = new ItemAnswer(id, "core.gil.q01", "core.gil", 2, 1, true, 1_000, 0.5, at);
                assertThat(PendingDelta.of(one).encode()).as(id + ", " + at).isEqualTo(codec.encode(ItemDelta.of(one)));
            }
        }
    }

    @Test
    void anEventIdTooLongForTheFormatIsRefusedAsTheCodecRefusesIt() {
        ItemAnswer one = new ItemAnswer("x".repeat(65_536), "core.gil.q01", "core.gil", 2, 1, true, 1_000, 0.5, Instant.EPOCH);

        assertThatThrownBy(() -> codec.encode(ItemDelta.of(one))).hasRootCauseInstanceOf(UTFDataFormatException.class);
        assertThatThrownBy(() -> PendingDelta.of(one).encode()).hasRootCauseInstanceOf(UTFDataFormatException.class);
    }

    @Test
    void aDeltaRestoredFromTheStoreGrowsOnAsIfNeverStored() {
        ItemDelta stored = ItemDelta.of(answer("e1", "core.gil", 0, false, 0, 0.2)).plus(answer("e2", "core.gil", 1, true, 900, 0.3));
        ItemAnswer next = answer("e3", "core.gil", 1, true, 1_200, 0.4);

        PendingDelta restored = PendingDelta.of(codec.decode(codec.encode(stored)));
        restored.add(next);

        assertThat(restored.encode()).isEqualTo(codec.encode(stored.plus(next)));
    }

    @Test
    void theIncrementsLoggedAlongTheWayMergeBackIntoTheWholeDelta() {
        var random = new java.util.SplittableRandom(3);
        ItemAnswer first = answer("e0", "core.gil", 1, true, 4_000, 0.61);
        PendingDelta pending = PendingDelta.of(first);
        var increments = new java.util.ArrayList<ItemDelta>();
        for (int i = 1; i <= 200; i++) {
            if (random.nextInt(5) == 0 && pending.hasUnlogged()) {
                increments.add(codec.decode(pending.encodeUnlogged()));
                assertThat(pending.hasUnlogged()).isFalse();
            }
            pending.add(answer("e" + i, i < 150 ? "core.gil" : "core.threads", random.nextInt(3) / 2.0, random.nextBoolean(),
                    random.nextInt(3) == 0 ? 0 : random.nextLong(1, 60_000), random.nextDouble()));
        }
        increments.add(codec.decode(pending.encodeUnlogged()));

        PendingDelta restored = PendingDelta.of(increments.get(0));
        increments.subList(1, increments.size()).forEach(restored::merge);

        assertThat(increments.stream().mapToInt(d -> d.observations().size()).sum()).isEqualTo(201);
        assertThat(restored.encode()).isEqualTo(pending.encode());
        assertThat(restored.hasUnlogged()).as("a restored delta is all logged").isFalse();
    }

    private static ItemAnswer answer(String eventId, String topicId, double score, boolean correct, long responseMs, double predicted) {
        return new ItemAnswer(eventId, "core.gil.q01", topicId, 2, score, correct, responseMs, predicted,
                Instant.parse("2026-11-01T10:00:00Z").plusMillis(eventId.hashCode() & 0xFFFF));
    }
}
