package dev.hone.bench.jmh;

import dev.hone.catalog.Catalog;
import dev.hone.bench.run.EventIds;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;

import java.util.List;
import java.util.SplittableRandom;

/** A learner with a history, built through the production engine, as the benchmarks' input. */
final class Learners {

    static final Catalog CATALOG = Catalog.bundled();

    private Learners() {
    }

    static LearnerEngines engines() {
        return new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", CATALOG);
    }

    /**
     * A learner after {@code answers} answers to random questions, the last at {@code now}, with event ids as ingest
     * writes them (random UUIDs, seeded).
     */
    static LearnerState withHistory(LearnerEngine engine, int answers, long now) {
        List<Question> questions = List.copyOf(CATALOG.questions());
        var random = new SplittableRandom(42);
        LearnerState state = LearnerState.empty();
        for (int i = 0; i < answers; i++) {
            Question q = questions.get(random.nextInt(questions.size()));
            boolean correct = random.nextDouble() < 0.6;
            state = engine.apply(state, EventIds.uuid(random), q.id(), q.skills(), q.difficulty(), correct ? 1 : 0, correct, now - 600L * (answers - i));
        }
        return state;
    }
}
