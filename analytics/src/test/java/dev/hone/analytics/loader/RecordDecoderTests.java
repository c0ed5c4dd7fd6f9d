package dev.hone.analytics.loader;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordDecoderTests {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    private final RecordDecoder decoder = new RecordDecoder(id -> id.startsWith("known."));

    @AfterEach
    void stop() {
        decoder.close();
    }

    @Test
    void aLargePollIsReadInOrderWithWhatFailsTheAnswerRuleLeftOut() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String learner = "l-" + i;
            String question = i % 10 == 3 ? "unknown.q" : "known.q";
            String key = i % 10 == 5 ? "someone-else" : learner;
            byte[] value = i % 10 == 7 ? "{not json".getBytes(StandardCharsets.UTF_8) : answerJson(i, learner, question);
            records.add(new ConsumerRecord<>(Topics.ANSWERS_NAME, i % 6, i, key, value));
        }
        MasteryChanged change = new MasteryChanged(MasteryChanged.SCHEMA, "l-1", "core.gil", 0.5, 3, 2, "e-1", AT);
        records.add(new ConsumerRecord<>(Topics.MASTERY_NAME, 0, 0, "l-1",
                Topics.MASTERY.valueSerde().serializer().serialize(Topics.MASTERY_NAME, change)));

        Object[] values = decoder.decode(records);

        assertThat(values).hasSize(1001);
        for (int i = 0; i < 1000; i++) {
            if (i % 10 == 3 || i % 10 == 5 || i % 10 == 7) {
                assertThat(values[i]).as("record %d", i).isNull();
            } else {
                assertThat(values[i]).as("record %d", i).isInstanceOf(AnswerRecorded.class)
                        .extracting(v -> ((AnswerRecorded) v).eventId()).isEqualTo("e-" + i);
            }
        }
        assertThat(values[1000]).isEqualTo(change);
    }

    @Test
    void aSmallPollIsReadTheSameWay() {
        var records = List.of(new ConsumerRecord<>(Topics.ANSWERS_NAME, 0, 0, "l-0", answerJson(0, "l-0", "known.q")));

        Object[] values = decoder.decode(records);

        assertThat(values).singleElement().isInstanceOf(AnswerRecorded.class);
    }

    private static byte[] answerJson(int i, String learner, String question) {
        var a = new AnswerRecorded(AnswerRecorded.SCHEMA, "e-" + i, learner, question, "known", List.of("known"), "single_choice", 2,
                List.of("a"), null, true, 1, AT, 1000, AT);
        return Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, a);
    }
}
