package dev.hone.recommender.learner;

/**
 * A learner's answers on one topic: how many, the sum of their scores, how many were right, and
 * when the last one was given (epoch seconds of the answer; 0 when unknown, as in states stored
 * before this field existed).
 */
public record TopicTally(long answers, double scoreSum, long correct, long lastEpochSeconds) {

    public static final TopicTally EMPTY = new TopicTally(0, 0, 0, 0);

    public TopicTally(long answers, double scoreSum, long correct) {
        this(answers, scoreSum, correct, 0);
    }

    public TopicTally plus(double score, boolean wasCorrect, long epochSeconds) {
        return new TopicTally(answers + 1, scoreSum + score, correct + (wasCorrect ? 1 : 0),
                Math.max(lastEpochSeconds, epochSeconds));
    }

    /** Whether the time of the last answer is known. */
    public boolean hasLastPractice() {
        return answers > 0 && lastEpochSeconds > 0;
    }
}
