package dev.hone.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A learner answered a question; graded by ingest against the catalog. Keyed by learnerId on
 * {@link Topics#ANSWERS}. {@code eventId} is the idempotency key: a resend carries the same id.
 *
 * @param schema        contract version of this record (bumped on incompatible change)
 * @param skills        the question's topic first, then its secondary topics
 * @param chosenOptions option or rubric ids the learner picked (empty for code_output)
 * @param responseText  the text answer of a code_output question, else null
 * @param difficulty    the catalog's prior difficulty, 1..5
 * @param answeredAt    when the learner answered (client time, checked for skew by ingest)
 * @param recordedAt    when ingest accepted the answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerRecorded(
        int schema,
        String eventId,
        String learnerId,
        String questionId,
        String topicId,
        List<String> skills,
        String kind,
        int difficulty,
        List<String> chosenOptions,
        String responseText,
        boolean correct,
        double score,
        Instant answeredAt,
        long responseMs,
        Instant recordedAt) {

    public static final int SCHEMA = 1;

    public AnswerRecorded {
        skills = skills == null ? List.of() : List.copyOf(skills);
        chosenOptions = chosenOptions == null ? List.of() : List.copyOf(chosenOptions);
    }
}
