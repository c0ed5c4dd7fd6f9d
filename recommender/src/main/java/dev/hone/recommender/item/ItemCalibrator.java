package dev.hone.recommender.item;

import dev.hone.events.ItemStatistics;
import dev.hone.model.Logistic;
import dev.hone.model.item.ItemEstimate;
import dev.hone.recommender.learner.LearnerEngine;

/**
 * Folds one accepted answer into a question's running statistics: attempts, right answers,
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
        ItemStatistics before = current != null ? current : first(answer);
        ItemEstimate estimate = new ItemEstimate(before.difficulty(), before.difficultyVariance(), before.attempts());
        engine.calibrate(estimate, predictedAt(before.difficulty(), before.priorDifficulty(), answer.predicted()), answer.score());
        boolean timed = answer.responseMs() > 0;
        long timedAnswers = before.timedAnswers() + (timed ? 1 : 0);
        double meanResponseMs = timed
                ? before.meanResponseMs() + (answer.responseMs() - before.meanResponseMs()) / timedAnswers
                : before.meanResponseMs();
        return new ItemStatistics(ItemStatistics.SCHEMA, answer.questionId(), answer.topicId(), before.attempts() + 1,
                before.correct() + (answer.correct() ? 1 : 0), before.scoreSum() + answer.score(), meanResponseMs,
                timedAnswers, before.priorDifficulty(), estimate.difficulty(), estimate.variance(), answer.eventId(),
                answer.answeredAt());
    }

    private ItemStatistics first(ItemAnswer answer) {
        ItemEstimate prior = engine.itemPrior(answer.questionId(), answer.catalogDifficulty());
        return new ItemStatistics(ItemStatistics.SCHEMA, answer.questionId(), answer.topicId(), 0, 0, 0, 0, 0,
                prior.difficulty(), prior.difficulty(), prior.variance(), null, null);
    }

    static double predictedAt(double difficulty, double priorDifficulty, double predictedAtPrior) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, predictedAtPrior));
        return Logistic.sigmoid(Logistic.logit(p) + priorDifficulty - difficulty);
    }
}
