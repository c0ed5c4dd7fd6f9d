package dev.hone.analytics;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.events.AnswerRecorded;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers and questions for the tests, taken from the bundled bank so keys and options are real. */
final class TestData {

    static final Catalog CATALOG = Catalog.bundled();

    private TestData() {
    }

    static List<Question> singleChoice(String topicId) {
        return CATALOG.questionsOf(topicId).stream().filter(q -> q.kind() == QuestionKind.SINGLE_CHOICE).toList();
    }

    static String key(Question q) {
        return q.answer().keyedOptionIds().get(0);
    }

    static String distractor(Question q) {
        return q.options().stream().map(o -> o.id()).filter(id -> !q.answer().keyedOptionIds().contains(id)).findFirst().orElseThrow();
    }

    static AnswerRecorded answer(String learner, Question q, boolean correct, Instant at, long responseMs) {
        return new AnswerRecorded(AnswerRecorded.SCHEMA, UUID.randomUUID().toString(), learner, q.id(), q.topic(), q.skills(),
                q.kind().id(), q.difficulty(), List.of(correct ? key(q) : distractor(q)), null, correct, correct ? 1 : 0, at, responseMs, at);
    }
}
