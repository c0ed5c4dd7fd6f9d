package dev.hone.events;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTests {

    private final JsonSerde<AnswerRecorded> serde = JsonSerde.of(AnswerRecorded.class);

    @Test
    void anAnswerSurvivesTheRoundTrip() {
        var answer = new AnswerRecorded(1, "e-1", "ada", "core.gil.q01", "core.gil", List.of("core.gil", "perf.concurrency"),
                "single_choice", 2, List.of("a"), null, true, 1.0,
                Instant.parse("2026-11-28T10:00:00Z"), 4200, Instant.parse("2026-11-28T10:00:01Z"));

        byte[] bytes = serde.serialize(Topics.ANSWERS_NAME, answer);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"answeredAt\":\"2026-11-28T10:00:00Z\"");
        assertThat(serde.deserialize(Topics.ANSWERS_NAME, bytes)).isEqualTo(answer);
    }

    @Test
    void everyDoubleReadsBackBitForBit() {
        var mastery = JsonSerde.of(MasteryChanged.class);
        var random = new java.util.SplittableRandom(7);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 1e23, 2e-3, Double.MIN_VALUE, Double.MAX_VALUE, 4.35, 0.3));
        for (int i = 0; i < 20_000; i++) {
            values.add(i % 2 == 0 ? random.nextDouble() : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
        }

        for (double v : values) {
            var change = new MasteryChanged(1, "ada", "core.gil", v, 3, 2, "e-1", Instant.parse("2026-11-28T10:00:00Z"));
            double back = mastery.deserialize(Topics.MASTERY_NAME, mastery.serialize(Topics.MASTERY_NAME, change)).mastery();
            assertThat(Double.doubleToRawLongBits(back)).as("%s", v).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void unreadableBytesRaiseASerializationExceptionNamingTheTopic() {
        assertThatThrownBy(() -> serde.deserialize(Topics.ANSWERS_NAME, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.ANSWERS_NAME);
    }

    @Test
    void unknownFieldsAreToleratedForForwardCompatibility() {
        String json = "{\"schema\":1,\"eventId\":\"e\",\"learnerId\":\"l\",\"questionId\":\"q\",\"topicId\":\"t\",\"kind\":\"code_output\","
                + "\"difficulty\":1,\"correct\":false,\"score\":0,\"responseMs\":0,\"future\":42}";

        AnswerRecorded answer = serde.deserialize(Topics.ANSWERS_NAME, json.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.eventId()).isEqualTo("e");
        assertThat(answer.skills()).isEmpty();
    }

    @Test
    void aLearnerProfileSurvivesTheRoundTripAndATombstoneStaysNull() {
        var profile = new LearnerProfile(LearnerProfile.SCHEMA, "ada", "2026-spring", "web", null);
        var serde = Topics.LEARNERS.valueSerde();

        byte[] bytes = serde.serializer().serialize(Topics.LEARNERS_NAME, profile);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("name");
        assertThat(serde.deserializer().deserialize(Topics.LEARNERS_NAME, bytes)).isEqualTo(profile);
        assertThat(serde.deserializer().deserialize(Topics.LEARNERS_NAME, null)).isNull();
    }
}
