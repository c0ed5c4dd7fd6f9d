package dev.hone.recommender.learner;

/** A learner's answers on one topic: how many, and the sum of their scores. */
public record TopicTally(long answers, double scoreSum, long correct) {

    public static final TopicTally EMPTY = new TopicTally(0, 0, 0);

    public TopicTally plus(double score, boolean wasCorrect) {
        return new TopicTally(answers + 1, scoreSum + score, correct + (wasCorrect ? 1 : 0));
    }

    /**
     * Smoothed running accuracy, (scores + 1) / (answers + 2): a Laplace prior of one right and
     * one wrong answer keeps a new topic at 0.5 and stops one answer from reading as 0 or 1.
     */
    public double mastery() {
        return (scoreSum + 1.0) / (answers + 2.0);
    }
}
