package dev.hone.recommender.item;

import dev.hone.events.ItemStatistics;
import dev.hone.model.Logistic;
import dev.hone.model.item.ItemEstimate;
import dev.hone.recommender.learner.LearnerEngine;

/**
 * Folds accepted answers (one, or a learner task's {@link ItemDelta}) into a question's running statistics: attempts, right answers,
 * mean response time, and its calibrated difficulty by the learner model's own calibration rule
 * (an Elo / Kalman step from the catalog prior whose step shrinks with the evidence).
 *
 * <p>The learner side predicts with the question's prior difficulty (that keeps a learner's state
 * a function of their own answers). The production models put the difficulty into the logit as
 * a plain {@code - difficulty} term, so the prediction at the current calibration is that logit
 * shifted by {@code prior - current}; calibrating against the prior's prediction instead would
 * never settle, because the surprise would not shrink as the estimate moves.
 */
public final class ItemCalibrator {

    /** Keeps the logit of a prediction of exactly 0 or 1 finite. */
    private static final double EDGE = 1e-6;

    private final LearnerEngine engine;

    public ItemCalibrator(LearnerEngine engine) {
        this.engine = engine;
    }

    /** The statistics after {@code answer}; {@code current} is null for a question never answered. */
    public ItemStatistics next(ItemStatistics current, ItemAnswer answer) {
        return merge(current, ItemDelta.of(answer));
    }

    /**
     * The statistics after the delta's answers, folded one by one in its order: the same
     * arithmetic, step for step, as {@link #next} for each of them, so the result is equal to
     * the last double. {@code current} is null for a question never answered.
     */
    public ItemStatistics merge(ItemStatistics current, ItemDelta delta) {
        ItemStatistics before = current != null ? current : first(delta);
        long attempts = before.attempts();
        double difficulty = before.difficulty();
        double variance = before.difficultyVariance();
        long correct = before.correct();
        double scoreSum = before.scoreSum();
        long timedAnswers = before.timedAnswers();
        double meanResponseMs = before.meanResponseMs();
        for (ItemDelta.Observation answer : delta.observations()) {
            // a fresh estimate per answer, as one answer at a time had: the model sees the same evidence count
            ItemEstimate estimate = new ItemEstimate(difficulty, variance, attempts);
            engine.calibrate(estimate, predictedAt(difficulty, before.priorDifficulty(), answer.predicted()), answer.score());
            difficulty = estimate.difficulty();
            variance = estimate.variance();
            attempts++;
            correct += answer.correct() ? 1 : 0;
            scoreSum += answer.score();
            if (answer.responseMs() > 0) {
                timedAnswers++;
                meanResponseMs += (answer.responseMs() - meanResponseMs) / timedAnswers;
            }
        }
        return new ItemStatistics(ItemStatistics.SCHEMA, delta.questionId(), delta.topicId(), attempts, correct, scoreSum,
                meanResponseMs, timedAnswers, before.priorDifficulty(), difficulty, variance,
                delta.lastEventId(), delta.lastAnsweredAt());
    }

    private ItemStatistics first(ItemDelta delta) {
        ItemEstimate prior = engine.itemPrior(delta.questionId(), delta.catalogDifficulty());
        return new ItemStatistics(ItemStatistics.SCHEMA, delta.questionId(), delta.topicId(), 0, 0, 0, 0, 0,
                prior.difficulty(), prior.difficulty(), prior.variance(), null, null);
    }

    static double predictedAt(double difficulty, double priorDifficulty, double predictedAtPrior) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, predictedAtPrior));
        return Logistic.sigmoid(Logistic.logit(p) + priorDifficulty - difficulty);
    }
}
