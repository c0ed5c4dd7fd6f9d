package dev.hone.recommender.learner;

/** A learner's answers on one topic: how many, the sum of their scores, and how many were right. */
public record TopicTally(long answers, double scoreSum, long correct) {

    public static final TopicTally EMPTY = new TopicTally(0, 0, 0);

    public TopicTally plus(double score, boolean wasCorrect) {
        return new TopicTally(answers + 1, scoreSum + score, correct + (wasCorrect ? 1 : 0));
    }
}
