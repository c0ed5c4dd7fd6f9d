package dev.hone.recommender.learner;

import dev.hone.catalog.Question;
import dev.hone.model.Mastery;

/** One learner as the question policy sees them at one moment: mastery per topic and predicted success. */
public interface LearnerView {

    double mastery(String topicId);

    Mastery masteryDetail(String topicId);

    /**
     * The estimate of a topic as it was (or will be) at another time, forgetting evaluated up to
     * then: the policy compares the mastery at the last practice with the mastery now to find
     * reviews. Views that cannot evaluate another time return the current estimate.
     */
    default Mastery masteryDetailAt(String topicId, long atEpochSeconds) {
        return masteryDetail(topicId);
    }

    double predict(Question question);

    /**
     * Whether the estimate of a topic rests on evidence even without answers on it (a placement's estimate,
     * informed by related topics): the policy then trusts it as if the topic had been practised.
     */
    default boolean informed(String topicId) {
        return false;
    }

    LearnerState state();

    long epochSeconds();
}
