package dev.hone.model.readiness;

import dev.hone.model.Logistic;

/**
 * What readiness believes about a topic a learner has not answered yet, in one place: a mastery of 0.5 on a
 * question of average difficulty (logit 0, the IRT convention of abilities centred on the items). The
 * recommender's placement starts every topic's belief here, so a new learner's readiness score is this value;
 * analytics' weekly trend counts a topic without a mastery row at it, so the trend and the score start from the
 * same point. Both read this class rather than a setting each, because two knobs can drift apart.
 *
 * <p>Not the learner model's prior: the model's mastery of an unseen topic (about 0.69 with the bundled
 * parameters) is its prediction for the next answer, fitted for that; readiness reads it only for a learner
 * whose state predates placement.
 */
public final class UnpractisedPrior {

    /** The prior mean of a topic ability, logit scale, against an item of average difficulty. */
    public static final double LOGIT = 0;

    private UnpractisedPrior() {
    }

    /** The prior mastery: P(right) on an average question, no guessing. */
    public static double mastery() {
        return Logistic.sigmoid(LOGIT);
    }
}
