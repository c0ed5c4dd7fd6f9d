package dev.hone.ingest.learner;

/** The body of {@code PUT /api/v1/learners/{id}/profile}: every field optional. */
record ProfileRequest(String cohort, String track, String name) {
}
