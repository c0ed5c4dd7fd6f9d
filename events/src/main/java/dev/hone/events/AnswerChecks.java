package dev.hone.events;

import java.util.function.Predicate;

/**
 * What every consumer of hone.answers.v1 accepts as an answer. Ingest only produces valid events,
 * but the topic is open to other producers (and to mistakes), so the recommender and the loader
 * apply the same rule: the recommender dead-letters what fails it, the loader skips it, and
 * mastery and dashboards count the same answers.
 */
public final class AnswerChecks {

    private AnswerChecks() {
    }

    /** Why the record cannot count as an answer, or null when it can. */
    public static String problemWith(String key, AnswerRecorded answer, Predicate<String> knownQuestion) {
        if (answer == null) {
            return "empty value";
        }
        if (answer.schema() != AnswerRecorded.SCHEMA) {
            return "unsupported schema version " + answer.schema() + " (expected " + AnswerRecorded.SCHEMA + ")";
        }
        if (key == null || !key.equals(answer.learnerId())) {
            return "record key '" + key + "' does not match learnerId '" + answer.learnerId() + "'";
        }
        if (answer.eventId() == null || answer.questionId() == null || answer.skills() == null || answer.skills().isEmpty()
                || answer.answeredAt() == null) {
            return "eventId, questionId, skills and answeredAt are required";
        }
        if (!knownQuestion.test(answer.questionId())) {
            return "unknown question '" + answer.questionId() + "'";
        }
        if (!(answer.score() >= 0 && answer.score() <= 1)) {
            return "score " + answer.score() + " is outside [0, 1]";
        }
        return null;
    }
}
