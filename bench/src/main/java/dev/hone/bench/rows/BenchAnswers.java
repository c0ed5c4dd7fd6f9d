package dev.hone.bench.rows;

import dev.hone.bench.run.EventIds;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Answers to the bank's single-choice questions, seeded, for the bench's inputs: as the events
 * ingest writes (Kafka inputs) and as the requests a client posts (the ingest row).
 */
final class BenchAnswers {

    private final List<Question> questions;
    private final SplittableRandom random;
    private final String prefix;
    private final int learners;
    private final boolean uuidEventIds;
    private long next;

    BenchAnswers(String prefix, int learners, long seed) {
        this(prefix, learners, seed, false);
    }

    /** {@code uuidEventIds}: event ids as ingest makes them (random UUIDs, seeded here), else short sequential ones. */
    BenchAnswers(String prefix, int learners, long seed, boolean uuidEventIds) {
        this.questions = Catalog.bundled().questions().stream()
                .filter(q -> q.kind() == QuestionKind.SINGLE_CHOICE && !q.options().isEmpty()).toList();
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
        this.learners = learners;
        this.uuidEventIds = uuidEventIds;
    }

    String learnerId(int l) {
        return prefix + "learner-" + l;
    }

    Question question() {
        return questions.get(random.nextInt(questions.size()));
    }

    /** The next event, for a random learner, answered a little before {@code now}. */
    AnswerRecorded event(Instant now) {
        Question q = question();
        boolean correct = random.nextBoolean();
        String option = correct ? q.answer().keyedOptionIds().get(0) : q.options().get(random.nextInt(q.options().size())).id();
        Instant at = now.minusSeconds(random.nextInt(3600));
        return new AnswerRecorded(AnswerRecorded.SCHEMA, nextEventId(), learnerId(random.nextInt(learners)), q.id(), q.topic(),
                q.skills(), q.kind().id(), q.difficulty(), List.of(option), null, correct, correct ? 1 : 0, at, 5_000 + random.nextInt(30_000), now);
    }

    private String nextEventId() {
        if (!uuidEventIds) {
            return prefix + "e" + (next++);
        }
        return EventIds.uuid(random);
    }

    byte[] eventBytes(AnswerRecorded a) {
        return Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, a);
    }

    /** A request body for POST /api/v1/answers (one answer of {@code learnerId}). */
    String request(String learnerId) {
        Question q = question();
        String option = q.options().get(random.nextInt(q.options().size())).id();
        return "{\"learnerId\":\"" + learnerId + "\",\"questionId\":\"" + q.id() + "\",\"response\":\"" + option + "\"}";
    }

    /** A body for POST /api/v1/answers of a random learner, with the client's own {@code eventId}. */
    String requestWithEventId(String eventId) {
        String body = request(learnerId(random.nextInt(learners)));
        return "{\"eventId\":\"" + eventId + "\"," + body.substring(1);
    }

    /** A body for POST /api/v1/answers/batch with {@code size} answers of random learners. */
    String batch(int size) {
        var out = new StringBuilder("{\"answers\":[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(request(learnerId(random.nextInt(learners))));
        }
        return out.append("]}").toString();
    }
}
