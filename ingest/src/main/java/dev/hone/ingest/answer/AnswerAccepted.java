package dev.hone.ingest.answer;

/** What the learner gets back once the answer is stored: its id and the server's grade. */
public record AnswerAccepted(String eventId, boolean correct, double score) {
}
