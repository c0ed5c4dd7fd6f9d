package dev.hone.recommender.policy;

/**
 * One question in a learner's queue, with why it was chosen: a machine-readable code (see
 * {@link Reason}) and a sentence for the learner, plus the predicted success the choice rests on.
 */
public record QueueItem(String questionId, String topicId, String reasonCode, String reason, double predictedSuccess) {

    public QueueItem(String questionId, String topicId, String reasonCode, String reason) {
        this(questionId, topicId, reasonCode, reason, Double.NaN);
    }
}
