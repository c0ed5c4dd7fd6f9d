package dev.hone.recommender.placement;

import dev.hone.catalog.Question;
import dev.hone.model.Mastery;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;

/**
 * The learner as the normal queue sees them after a placement: a topic of the track the learner has not
 * practised since the placement keeps the placement's estimate (which draws on every placement answer, the
 * related topics' included) and counts as informed; once the learner answers it again, the learner model's
 * own estimate takes over. Predictions for questions stay the model's.
 */
public final class PlacedLearnerView implements LearnerView {

    private final LearnerView model;
    private final Placement placement;

    public PlacedLearnerView(LearnerView model, Placement placement) {
        this.model = model;
        this.placement = placement;
    }

    private boolean placed(String topicId) {
        return placement.covers(topicId) && model.state().tally(topicId).answers() <= placement.answersOn(topicId);
    }

    @Override
    public double mastery(String topicId) {
        return masteryDetail(topicId).mean();
    }

    @Override
    public Mastery masteryDetail(String topicId) {
        return placed(topicId) ? placement.estimate(topicId) : model.masteryDetail(topicId);
    }

    @Override
    public Mastery masteryDetailAt(String topicId, long atEpochSeconds) {
        return placed(topicId) ? placement.estimate(topicId) : model.masteryDetailAt(topicId, atEpochSeconds);
    }

    @Override
    public boolean informed(String topicId) {
        return placed(topicId) || model.informed(topicId);
    }

    @Override
    public double predict(Question question) {
        return model.predict(question);
    }

    @Override
    public LearnerState state() {
        return model.state();
    }

    @Override
    public long epochSeconds() {
        return model.epochSeconds();
    }
}
