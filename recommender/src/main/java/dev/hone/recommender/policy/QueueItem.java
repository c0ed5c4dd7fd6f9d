package dev.hone.recommender.policy;

/** One question in a learner's queue, with why it was chosen (machine-readable code and text). */
public record QueueItem(String questionId, String topicId, String reasonCode, String reason) {
}
