package dev.hone.recommender.placement;

import dev.hone.model.readiness.UnpractisedPrior;

/**
 * The placement's knobs (bound from {@code hone.placement.*}; see the README's placement section).
 *
 * @param cap                     most questions a placement asks (at most {@code LearnerState.PLACEMENT_LOG})
 * @param confidenceSd            the placement stops early once the track-weighted mean standard deviation of the
 *                                topic masteries (probability scale) is at most this
 * @param abilitySd               prior sd (logit) of the learner's general ability, shared by every topic
 * @param topicSd                 prior sd (logit) of a topic's deviation from the general ability
 * @param prerequisiteCorrelation how much of a topic's deviation it inherits from its prerequisites (0 = topics
 *                                related only through the general ability)
 * @param priorMean               prior mean (logit) of every topic ability. {@link UnpractisedPrior#LOGIT} in the
 *                                service (not bound from {@code hone.placement.*}: analytics' readiness trend reads
 *                                the same constant, and a knob here would let the two drift apart); the simulator
 *                                may set it to measure what a population prior fitted elsewhere would give
 */
public record PlacementSettings(int cap, double confidenceSd, double abilitySd, double topicSd, double prerequisiteCorrelation,
                                double priorMean) {

    public static final int MAX_CAP = 50;

    public PlacementSettings {
        require(cap >= 1 && cap <= MAX_CAP, "cap must be between 1 and " + MAX_CAP);
        require(confidenceSd >= 0 && confidenceSd < 0.5, "confidenceSd must be in [0, 0.5)");
        require(abilitySd >= 0 && topicSd > 0, "abilitySd must be >= 0 and topicSd > 0");
        require(prerequisiteCorrelation >= 0 && prerequisiteCorrelation < 1, "prerequisiteCorrelation must be in [0, 1)");
        require(Double.isFinite(priorMean), "priorMean must be a number");
    }

    /** The service's settings: the prior mean is the one readiness shares ({@link UnpractisedPrior}). */
    public PlacementSettings(int cap, double confidenceSd, double abilitySd, double topicSd, double prerequisiteCorrelation) {
        this(cap, confidenceSd, abilitySd, topicSd, prerequisiteCorrelation, UnpractisedPrior.LOGIT);
    }

    /**
     * Twenty questions; the priors are the IRT convention the simulator's population also uses (abilities about
     * N(0, 0.8) with topics spread as much again); a fit on real placements would replace them.
     */
    public static PlacementSettings defaults() {
        return new PlacementSettings(20, 0.1, 0.8, 0.8, 0.3);
    }

    public PlacementSettings withCap(int newCap) {
        return new PlacementSettings(newCap, confidenceSd, abilitySd, topicSd, prerequisiteCorrelation, priorMean);
    }

    public PlacementSettings withConfidenceSd(double sd) {
        return new PlacementSettings(cap, sd, abilitySd, topicSd, prerequisiteCorrelation, priorMean);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("hone.placement: " + message);
        }
    }
}
