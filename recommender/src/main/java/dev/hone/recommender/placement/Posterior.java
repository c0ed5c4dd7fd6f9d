package dev.hone.recommender.placement;

import dev.hone.model.Logistic;

/**
 * A Gaussian belief about a learner's topic abilities (logit scale), full covariance, updated by one
 * extended-Kalman step per answer on a 3PL observation: P(right) = c + (1 - c) sigmoid(theta_k - b) for an
 * item of difficulty b and guessing floor c. Because the covariance links topics (shared general ability,
 * prerequisites), an answer on one topic moves and sharpens the related ones too. Mutable, small (one entry
 * per topic of a track).
 */
final class Posterior {

    private final double[] mean;
    private final double[][] cov;

    Posterior(double[] mean, double[][] cov) {
        this.mean = mean.clone();
        this.cov = new double[cov.length][];
        for (int i = 0; i < cov.length; i++) {
            this.cov[i] = cov[i].clone();
        }
    }

    Posterior(Posterior other) {
        this(other.mean, other.cov);
    }

    int size() {
        return mean.length;
    }

    double mean(int k) {
        return mean[k];
    }

    double variance(int k) {
        return Math.max(0, cov[k][k]);
    }

    /** Mastery on an average item without guessing, and its sd on the probability scale (delta method). */
    double masteryOf(int k) {
        return Logistic.sigmoid(mean[k]);
    }

    double masterySd(int k) {
        double p = masteryOf(k);
        return p * (1 - p) * Math.sqrt(variance(k));
    }

    /** The probability of a right answer to an item of topic {@code k} (guessing included). */
    double predicted(int k, double difficulty, double guess) {
        return step(k, difficulty, guess).predicted;
    }

    /** Learns one answer with score {@code y} in [0, 1]. */
    void observe(int k, double difficulty, double guess, double y) {
        Step s = step(k, difficulty, guess);
        double residual = y - s.predicted;
        double[] column = cov[k].clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] += column[i] * s.h / s.s * residual;
        }
        shrink(column, s);
    }

    /** The covariance after an answer whose outcome is not known yet (it does not depend on the outcome). */
    void expect(int k, double difficulty, double guess) {
        shrink(cov[k].clone(), step(k, difficulty, guess));
    }

    /**
     * Expected fall of the weighted variance of the masteries (probability scale) if the learner answers
     * this item: the information it brings about the topics that matter.
     */
    double information(int k, double difficulty, double guess, double[] weights) {
        Step s = step(k, difficulty, guess);
        double gain = 0;
        for (int j = 0; j < mean.length; j++) {
            double p = Logistic.sigmoid(mean[j]);
            double slope = p * (1 - p);
            double c = cov[j][k] * s.h;
            gain += weights[j] * slope * slope * c * c / s.s;
        }
        return gain;
    }

    private void shrink(double[] column, Step s) {
        double f = s.h * s.h / s.s;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                cov[i][j] -= f * column[i] * column[j];
            }
        }
    }

    private Step step(int k, double difficulty, double guess) {
        double sig = Logistic.sigmoid(mean[k] - difficulty);
        double predicted = guess + (1 - guess) * sig;
        double h = (1 - guess) * sig * (1 - sig);
        double noise = Math.max(1e-6, predicted * (1 - predicted));
        return new Step(predicted, h, h * h * cov[k][k] + noise);
    }

    private record Step(double predicted, double h, double s) {
    }
}
