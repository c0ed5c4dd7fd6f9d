package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.model.Mastery;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.TopicTally;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A learner view with chosen masteries, for policy tests: every topic practised {@code answers}
 * times unless told otherwise, predicted success logistic in (mastery logit - 0.5 * (difficulty - 3)).
 */
final class FakeLearner implements LearnerView {

    static final long NOW = 1_780_000_000L;
    static final long DAY = 86_400L;

    private final Catalog catalog;
    private final Map<String, Double> mastery = new HashMap<>();
    private final Map<String, Double> before = new HashMap<>();
    private final Map<String, TopicTally> tallies = new HashMap<>();
    private String track = "general";
    private List<String> recent = List.of();

    FakeLearner(Catalog catalog, double everywhere) {
        this.catalog = catalog;
        for (Topic topic : catalog.topics()) {
            set(topic.id(), everywhere);
        }
    }

    FakeLearner set(String topicId, double value) {
        mastery.put(topicId, value);
        tallies.put(topicId, new TopicTally(5, 4, 4, NOW - DAY, 0));
        return this;
    }

    FakeLearner forgotten(String topicId, double then, double now, long daysAgo) {
        mastery.put(topicId, now);
        before.put(topicId, then);
        tallies.put(topicId, new TopicTally(5, 4, 4, NOW - daysAgo * DAY, 0));
        return this;
    }

    /** A topic whose answers sat {@code offset} logits from the model's predictions (see TopicTally#offset). */
    FakeLearner offset(String topicId, double value, double offset) {
        mastery.put(topicId, value);
        tallies.put(topicId, new TopicTally(5L, 4.0, 4L, NOW - DAY, 0.0, offset, 0.2));
        return this;
    }

    FakeLearner unpractised(String topicId, double prior) {
        mastery.put(topicId, prior);
        tallies.remove(topicId);
        return this;
    }

    FakeLearner track(String trackId) {
        this.track = trackId;
        return this;
    }

    FakeLearner recent(List<String> questionIds) {
        this.recent = List.copyOf(questionIds);
        return this;
    }

    @Override
    public double mastery(String topicId) {
        return mastery.get(topicId);
    }

    @Override
    public Mastery masteryDetail(String topicId) {
        double m = mastery.get(topicId);
        return new Mastery(m, 0.02, m - 0.04, m + 0.04, tallies.getOrDefault(topicId, TopicTally.EMPTY).answers());
    }

    @Override
    public Mastery masteryDetailAt(String topicId, long atEpochSeconds) {
        double m = before.getOrDefault(topicId, mastery.get(topicId));
        return new Mastery(m, 0.02, m - 0.04, m + 0.04, 5);
    }

    @Override
    public double predict(Question question) {
        double m = mastery.get(question.topic());
        double logit = Math.log(m / (1 - m)) - 0.5 * (question.difficulty() - 3);
        return 1 / (1 + Math.exp(-logit));
    }

    @Override
    public LearnerState state() {
        return new LearnerState(null, tallies, recent, List.of(), track);
    }

    @Override
    public long epochSeconds() {
        return NOW;
    }

    Catalog catalog() {
        return catalog;
    }
}
