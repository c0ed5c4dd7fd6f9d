package dev.hone.recommender.learner;

/**
 * A learner's answers on one topic: how many, the sum of their scores, how many were right, when
 * the last one was given (epoch seconds of the answer; 0 when unknown, as in states stored before
 * this field existed), the recent prediction error: an exponential moving average of
 * (score - the model's prediction before the answer), weight {@link #RESIDUAL_WEIGHT} on the newest,
 * and the topic's offset: how far (in logits) this learner's answers on the topic sit from the
 * model's predictions, tracked by a Kalman step on each answer (see {@link #plus}).
 * A positive error or offset says the learner does better on this topic than the model expects.
 */
public record TopicTally(long answers, double scoreSum, long correct, Long lastEpochSeconds, Double recentResidual,
                         Double offset, Double offsetVariance) {

    /** Weight of the newest answer in {@link #recentResidual}: about the last five answers count. */
    public static final double RESIDUAL_WEIGHT = 0.3;

    /**
     * Prior variance of the offset (logits squared). The model moves a learner's topic ability very little
     * (its fitted skill variance is 0.01), while prior knowledge varies between a learner's topics with an
     * sd of the order of a logit (Koedinger et al. 2023); 0.5 lets a handful of answers move the offset.
     */
    public static final double OFFSET_PRIOR_VARIANCE = 0.5;

    /**
     * Variance added to the offset per answer (logits squared): the learner learns and forgets faster or
     * slower than the model assumes, so old answers must lose weight; 0.01 keeps roughly the last 30-50.
     */
    public static final double OFFSET_DRIFT = 0.01;

    public static final TopicTally EMPTY = new TopicTally(0, 0, 0, 0, 0);

    /** The newer components are boxed so that a state stored without them reads (as 0, or the prior) from JSON. */
    public TopicTally {
        lastEpochSeconds = lastEpochSeconds == null ? 0L : lastEpochSeconds;
        recentResidual = recentResidual == null ? 0.0 : recentResidual;
        offset = offset == null ? 0.0 : offset;
        offsetVariance = offsetVariance == null ? OFFSET_PRIOR_VARIANCE : offsetVariance;
    }

    public TopicTally(long answers, double scoreSum, long correct, long lastEpochSeconds, double recentResidual) {
        this(answers, scoreSum, correct, lastEpochSeconds, recentResidual, 0.0, OFFSET_PRIOR_VARIANCE);
    }

    public TopicTally(long answers, double scoreSum, long correct) {
        this(answers, scoreSum, correct, 0, 0);
    }

    /**
     * The tally after one more answer, which the model predicted right with {@code predicted} (NaN when
     * unknown: then the error and the offset stay). The offset takes one extended Kalman step on the
     * logistic likelihood of the answer at the model's logit plus the offset (the model's own rule for its
     * abilities, Pelánek 2016), then its variance grows by {@link #OFFSET_DRIFT}.
     */
    public TopicTally plus(double score, boolean wasCorrect, long epochSeconds, double predicted) {
        if (Double.isNaN(predicted)) {
            return new TopicTally(answers + 1, scoreSum + score, correct + (wasCorrect ? 1 : 0),
                    Math.max(lastEpochSeconds, epochSeconds), recentResidual, offset, offsetVariance);
        }
        double residual = (1 - RESIDUAL_WEIGHT) * recentResidual + RESIDUAL_WEIGHT * (score - predicted);
        double clipped = Math.min(1 - 1e-6, Math.max(1e-6, predicted));
        double p = 1 / (1 + Math.exp(-(Math.log(clipped / (1 - clipped)) + offset)));
        double w = p * (1 - p);
        double v = offsetVariance;
        double nextOffset = offset + v * (score - p) / (1 + v * w);
        double nextVariance = v - v * v * w / (1 + v * w) + OFFSET_DRIFT;
        return new TopicTally(answers + 1, scoreSum + score, correct + (wasCorrect ? 1 : 0),
                Math.max(lastEpochSeconds, epochSeconds), residual, nextOffset, nextVariance);
    }

    /** Whether the time of the last answer is known. */
    public boolean hasLastPractice() {
        return answers > 0 && lastEpochSeconds > 0;
    }
}
