package dev.hone.recommender.item;

import java.time.Instant;

/**
 * One accepted answer as the item side needs it: the learner side makes it only after its
 * event-id check, so a resent answer never reaches the item statistics, and adds it to its
 * question's {@link ItemDelta} (older versions sent each one re-keyed by question).
 *
 * @param predicted          the model's probability of a right answer just before it, computed
 *                           with the question's prior difficulty (see {@link ItemCalibrator})
 * @param catalogDifficulty  the catalog's level, 1..5
 * @param responseMs         the learner's response time; 0 when the client sent none
 */
public record ItemAnswer(String eventId, String questionId, String topicId, int catalogDifficulty, double score,
                         boolean correct, long responseMs, double predicted, Instant answeredAt) {
}
