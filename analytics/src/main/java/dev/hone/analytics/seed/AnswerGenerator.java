package dev.hone.analytics.seed;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic answers: each learner has a hidden skill, each question the bank's difficulty; the
 * chance of a right answer is logistic in their difference and grows as the learner practises;
 * wrong answers favour the first distractors, so distractor analysis has something to find.
 */
final class AnswerGenerator {

    private final List<Question> questions = List.copyOf(Catalog.bundled().questions());
    private final SplittableRandom random;
    private final double[] skill;
    private final String prefix;
    private final Instant end;
    private final long spanSeconds;
    private long next;

    AnswerGenerator(int learners, Duration span, Instant end, String prefix, long seed) {
        this.random = new SplittableRandom(seed);
        this.skill = new double[learners];
        for (int l = 0; l < learners; l++) {
            skill[l] = random.nextDouble(-1.5, 1.5);
        }
        this.prefix = prefix;
        this.end = end;
        this.spanSeconds = Math.max(1, span.toSeconds());
    }

    static String learnerId(int l) {
        return "learner-" + l;
    }

    AnswerRecorded next() {
        int l = random.nextInt(skill.length);
        Question q = questions.get(random.nextInt(questions.size()));
        long ago = random.nextLong(spanSeconds);
        double learned = 0.8 * (1 - (double) ago / spanSeconds);
        double p = 1 / (1 + Math.exp(-(skill[l] + learned - (q.difficulty() - 3) * 0.7)));
        boolean correct = random.nextDouble() < p;
        Instant at = end.minusSeconds(ago);
        return new AnswerRecorded(AnswerRecorded.SCHEMA, prefix + (next++), learnerId(l), q.id(), q.topic(), q.skills(), q.kind().id(),
                q.difficulty(), chosen(q, correct), null, correct, correct ? 1 : 0, at,
                2000 + random.nextInt(60_000) + q.difficulty() * 5000L, at);
    }

    private List<String> chosen(Question q, boolean correct) {
        if (!q.kind().hasOptions() || q.answer() == null) {
            return List.of();
        }
        if (correct) {
            return q.answer().keyedOptionIds();
        }
        var wrong = q.options().stream().map(o -> o.id()).filter(id -> !q.answer().keyedOptionIds().contains(id)).toList();
        if (wrong.isEmpty()) {
            return List.of();
        }
        return List.of(wrong.get(Math.min(wrong.size() - 1, (int) Math.floor(Math.pow(random.nextDouble(), 2) * wrong.size()))));
    }
}
