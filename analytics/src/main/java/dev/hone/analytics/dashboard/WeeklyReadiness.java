package dev.hone.analytics.dashboard;

import dev.hone.model.readiness.UnpractisedPrior;

import java.util.Map;

/**
 * One week's point of the readiness trend: the track-weighted mean of each topic's last mastery so far, a topic
 * without a mastery row counted at {@link UnpractisedPrior} (the prior the recommender's placement, and so the
 * current score, starts every topic from), so a new learner's trend and score start at the same value.
 */
final class WeeklyReadiness {

    private WeeklyReadiness() {
    }

    /** @param weights the track's topics and their weights; @param latest each practised topic's last mastery */
    static double of(Map<String, Double> weights, Map<String, Double> latest) {
        double sum = 0;
        double total = 0;
        for (var w : weights.entrySet()) {
            sum += w.getValue() * latest.getOrDefault(w.getKey(), UnpractisedPrior.mastery());
            total += w.getValue();
        }
        return Rates.round(sum / total);
    }
}
