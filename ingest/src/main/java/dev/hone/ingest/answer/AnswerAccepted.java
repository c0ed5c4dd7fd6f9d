package dev.hone.ingest.answer;

/**
 * What the learner gets back once the answer is stored: its id, the server's grade and, now
 * that they answered, the key and explanation.
 */
public record AnswerAccepted(String eventId, boolean correct, double score, Feedback feedback) {
}
