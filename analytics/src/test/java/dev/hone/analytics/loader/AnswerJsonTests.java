package dev.hone.analytics.loader;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerJsonTests {

    private final ReferenceSerde serde = new ReferenceSerde();

    @Test
    void readsWhatTheEventsSerdeWritesExactlyAsTheSerdeReadsIt() {
        var answers = List.of(
                new AnswerRecorded(1, "e-1", "ada", "core.gil.q01", "core.gil", List.of("core.gil", "perf.concurrency"), "single_choice", 2,
                        List.of("a"), null, true, 1.0, Instant.parse("2026-11-28T10:00:00Z"), 4200, Instant.parse("2026-11-28T10:00:01.5Z")),
                new AnswerRecorded(1, "e-2", "bo\"b\\\u00e9\t", "p.q", "p", List.of(), "code_output", 5, List.of(), "raises: KeyError\n",
                        false, 0.25, Instant.parse("2026-02-28T23:59:59.123456789Z"), 0, null),
                new AnswerRecorded(1, "e-3", "c", "q", "t", null, "multi_choice", 3, List.of("a", "c"), null, false, -0.5,
                        Instant.parse("2024-02-29T00:00:00.100Z"), 86_400_000, Instant.parse("2024-02-29T00:00:00Z")));

        for (AnswerRecorded a : answers) {
            byte[] bytes = serde.write(a);

            assertThat(AnswerJson.read(bytes)).isEqualTo(serde.read(bytes)).isEqualTo(a);
        }
    }

    @Test
    void ignoresUnknownFieldsAndReadsOffsetsTheSlowWay() {
        String json = "{\"schema\":1,\"eventId\":\"e\",\"future\":{\"nested\":[1,2]},\"learnerId\":\"l\",\"kind\":\"single_choice\","
                + "\"answeredAt\":\"2026-11-28T12:00:00+02:00\",\"correct\":true,\"difficulty\":1,\"score\":1,\"responseMs\":0}";

        AnswerRecorded a = AnswerJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(a.answeredAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(a.correct()).isTrue();
        assertThat(a).isEqualTo(serde.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unreadableJsonAndNullPrimitivesAreSerializationExceptionsLikeTheSerdes() {
        assertThatThrownBy(() -> AnswerJson.read("{not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> AnswerJson.read("{\"correct\":null}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> AnswerJson.read("{\"schema\":1}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> AnswerJson.read("[1]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> AnswerJson.read("{\"answeredAt\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
    }

    /** The events module's serde, the reference. */
    private static final class ReferenceSerde {
        byte[] write(AnswerRecorded a) {
            return Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, a);
        }

        AnswerRecorded read(byte[] bytes) {
            return Topics.ANSWERS.valueSerde().deserializer().deserialize(Topics.ANSWERS_NAME, bytes);
        }
    }
}
