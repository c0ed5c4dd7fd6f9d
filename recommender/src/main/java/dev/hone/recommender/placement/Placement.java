package dev.hone.recommender.placement;

import dev.hone.model.Mastery;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a learner's placement stands: the belief about every topic of the track after the placement's
 * answers, how many it took, whether it is over and why, and the questions it asked (never asked again).
 */
public final class Placement {

    /** Why a placement ended. */
    public enum Status {
        IN_PROGRESS("in-progress"), CONFIDENT("confident"), CAP("cap"), NOT_AVAILABLE("not-available");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final String track;
    private final List<String> topicIds;
    private final Posterior posterior;
    private final double[] weights;
    private final int answered;
    private final Status status;
    private final Set<String> asked;
    private final Map<String, Integer> answersPerTopic;

    Placement(String track, List<String> topicIds, Posterior posterior, double[] weights, int answered, Status status,
              Set<String> asked, Map<String, Integer> answersPerTopic) {
        this.track = track;
        this.topicIds = List.copyOf(topicIds);
        this.posterior = posterior;
        this.weights = weights;
        this.answered = answered;
        this.status = status;
        this.asked = Set.copyOf(asked);
        this.answersPerTopic = Map.copyOf(answersPerTopic);
    }

    public String track() {
        return track;
    }

    public List<String> topicIds() {
        return topicIds;
    }

    public int answered() {
        return answered;
    }

    public Status status() {
        return status;
    }

    public boolean complete() {
        return status != Status.IN_PROGRESS;
    }

    public Set<String> asked() {
        return asked;
    }

    /** How many of the placement's answers were on a topic. */
    public int answersOn(String topicId) {
        return answersPerTopic.getOrDefault(topicId, 0);
    }

    public boolean covers(String topicId) {
        return topicIds.contains(topicId);
    }

    /** The placement's estimate of a topic of the track (probability on an average question, no guessing). */
    public Mastery estimate(String topicId) {
        int k = topicIds.indexOf(topicId);
        if (k < 0) {
            throw new IllegalArgumentException("topic " + topicId + " is not in track " + track);
        }
        return Mastery.fromLogit(posterior.mean(k), Math.sqrt(posterior.variance(k)), answersOn(topicId));
    }

    /** Track-weighted mean sd of the topic masteries (probability scale): what the confidence stop compares. */
    public double meanSd() {
        return meanSd(posterior, weights);
    }

    static double meanSd(Posterior posterior, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k] * posterior.masterySd(k);
            total += weights[k];
        }
        return total == 0 ? 0 : sum / total;
    }

    Posterior posterior() {
        return posterior;
    }

    double[] weights() {
        return weights;
    }
}
