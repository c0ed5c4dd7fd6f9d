package dev.hone.recommender.learner;

import java.util.OptionalDouble;

/**
 * Where the policy finds a question's calibrated difficulty (logit scale, higher is harder).
 * Empty for a question not calibrated yet: the catalog's prior applies.
 */
@FunctionalInterface
public interface ItemDifficulties {

    /** No calibration: every question keeps its catalog prior (the simulator, replays). */
    ItemDifficulties CATALOG = questionId -> OptionalDouble.empty();

    OptionalDouble difficulty(String questionId);
}
