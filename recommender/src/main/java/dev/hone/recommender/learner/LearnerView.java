package dev.hone.recommender.learner;

import dev.hone.catalog.Question;
import dev.hone.model.Mastery;

/** One learner as the question policy sees them at one moment: mastery per topic and predicted success. */
public interface LearnerView {

    double mastery(String topicId);

    Mastery masteryDetail(String topicId);

    double predict(Question question);

    LearnerState state();

    long epochSeconds();
}
