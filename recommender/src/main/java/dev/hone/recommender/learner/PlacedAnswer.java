package dev.hone.recommender.learner;

/** One answer of a learner's first session, kept so that the placement can be replayed from the state. */
public record PlacedAnswer(String questionId, double score) {
}
