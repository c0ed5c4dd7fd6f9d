package dev.hone.recommender.learner;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.model.item.ItemBank;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class CalibratedPredictionTests {

    private static final Catalog CATALOG = Catalog.bundled();
    private final LearnerEngine engine = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", CATALOG).create();

    @Test
    void aQuestionCalibratedHarderThanItsCatalogLevelIsPredictedLessLikelyRight() {
        Question question = CATALOG.question("core.gil.q01").orElseThrow();
        LearnerState state = engine.apply(LearnerState.empty(), "e1", "core.gil.q02", List.of("core.gil"), 2, 1, true, 1_000);
        double prior = ItemBank.priorForCatalogDifficulty(question.difficulty());

        double atPrior = engine.view(state, 2_000).predict(question);
        double calibrated = engine.view(state, 2_000, id -> id.equals(question.id()) ? OptionalDouble.of(prior + 1) : OptionalDouble.empty())
                .predict(question);

        assertThat(calibrated).isLessThan(atPrior);
        assertThat(engine.view(state, 2_000, ItemDifficulties.CATALOG).predict(question)).isEqualTo(atPrior);
    }
}
