package dev.hone.recommender.streams;

import dev.hone.events.ItemStatistics;
import dev.hone.events.JsonSerde;
import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemDelta;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemSerdeTests {

    private final BinarySerde<ItemAnswer> answers = BinarySerde.itemAnswer();
    private final BinarySerde<ItemStatistics> statistics = BinarySerde.itemStatistics();
    private final ItemAnswer answer = new ItemAnswer("0f8fad5b-d9cb-469f-a165-70867728950e", "core.gil.q01", "core.gil", 3, 0.5,
            false, 12_345, 0.7312345678901234, Instant.parse("2026-11-28T10:15:30.123456789Z"));
    private final ItemStatistics stats = new ItemStatistics(ItemStatistics.SCHEMA, "core.gil.q01", "core.gil", 17, 9, 9.5, 8_123.25,
            12, -0.4, 0.1234567890123, 0.0321, "e-9", Instant.parse("2026-11-28T10:15:30Z"));

    @Test
    void anItemAnswerAndItsStatisticsReadBackEqual() {
        assertThat(answers.deserialize("t", answers.serialize("t", answer))).isEqualTo(answer);
        assertThat(statistics.deserialize("t", statistics.serialize("t", stats))).isEqualTo(stats);
        var noTimes = new ItemAnswer("e1", "q", null, 1, 1, true, 0, 0.5, null);
        assertThat(answers.deserialize("t", answers.serialize("t", noTimes))).isEqualTo(noTimes);
    }

    @Test
    void aDeltaReadsBackEqualAndTheItemSideStillReadsASingleAnswerAsADeltaOfOne() {
        ItemDelta delta = ItemDelta.of(answer).plus(new ItemAnswer("e2", "core.gil.q01", "core.gil", 3, 1, true, 0, 0.25, null));
        var input = BinarySerde.itemInput();

        assertThat(input.deserialize("t", BinarySerde.itemDelta().serialize("t", delta))).isEqualTo(delta);
        assertThat(input.deserialize("t", answers.serialize("t", answer))).isEqualTo(ItemDelta.of(answer));
        assertThat(input.deserialize("t", JsonSerde.of(ItemAnswer.class).serialize("t", answer))).isEqualTo(ItemDelta.of(answer));
    }

    @Test
    void recordsWrittenAsJsonBeforeStillRead() {
        byte[] oldAnswer = JsonSerde.of(ItemAnswer.class).serialize("t", answer);
        byte[] oldStats = JsonSerde.of(ItemStatistics.class).serialize("t", stats);

        assertThat(answers.deserialize("t", oldAnswer)).isEqualTo(answer);
        assertThat(statistics.deserialize("t", oldStats)).isEqualTo(stats);
    }

    @Test
    void aDamagedRecordIsRejectedNamingTheField() {
        byte[] bytes = answers.serialize("t", answer);

        assertThatThrownBy(() -> answers.deserialize("t", Arrays.copyOf(bytes, bytes.length - 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("field answeredAt");
        assertThatThrownBy(() -> statistics.deserialize("t", new byte[] {7}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format byte 7");
    }
}
