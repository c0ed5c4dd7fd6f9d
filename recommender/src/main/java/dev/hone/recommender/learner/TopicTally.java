package dev.hone.recommender.learner;

/**
 * A learner's answers on one topic: how many, the sum of their scores, how many were right, when
 * the last one was given (epoch seconds of the answer; 0 when unknown, as in states stored before
 * this field existed) and the recent prediction error: an exponential moving average of
 * (score - the model's prediction before the answer), weight {@link #RESIDUAL_WEIGHT} on the newest.
 * A positive error says the learner does better on this topic than the model expects.
 */
public record TopicTally(long answers, double scoreSum, long correct, Long lastEpochSeconds, Double recentResidual) {

    /** Weight of the newest answer in {@link #recentResidual}: about the last five answers count. */
    public static final double RESIDUAL_WEIGHT = 0.3;

    public static final TopicTally EMPTY = new TopicTally(0, 0, 0, 0, 0);

    /** The newer components are boxed so that a state stored without them reads (as 0) from JSON. */
    public TopicTally {
        lastEpochSeconds = lastEpochSeconds == null ? 0L : lastEpochSeconds;
        recentResidual = recentResidual == null ? 0.0 : recentResidual;
    }

    public TopicTally(long answers, double scoreSum, long correct, long lastEpochSeconds, double recentResidual) {
        this(answers, scoreSum, correct, Long.valueOf(lastEpochSeconds), Double.valueOf(recentResidual));
    }

    public TopicTally(long answers, double scoreSum, long correct) {
        this(answers, scoreSum, correct, 0, 0);
    }

    public TopicTally plus(double score, boolean wasCorrect, long epochSeconds, double predicted) {
        double residual = Double.isNaN(predicted) ? recentResidual
                : (1 - RESIDUAL_WEIGHT) * recentResidual + RESIDUAL_WEIGHT * (score - predicted);
        return new TopicTally(answers + 1, scoreSum + score, correct + (wasCorrect ? 1 : 0),
                Math.max(lastEpochSeconds, epochSeconds), residual);
    }

    /** Whether the time of the last answer is known. */
    public boolean hasLastPractice() {
        return answers > 0 && lastEpochSeconds > 0;
    }
}
