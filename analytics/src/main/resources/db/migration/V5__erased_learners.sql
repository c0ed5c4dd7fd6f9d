-- Learners erased by a tombstone on hone.learners.v1, kept so that a loader reading
-- hone.answers.v1 again (a new consumer group, a replay, answers still in flight at the erasure)
-- cannot bring their rows back. Only a SHA-256 of the id is kept, with the time of the erasure:
-- answers recorded after it (the same id registered anew) load as usual.
CREATE TABLE IF NOT EXISTS ${database}.erased_learners (
    learner_hash String,
    erased_at DateTime
) ENGINE = ReplacingMergeTree(erased_at)
ORDER BY learner_hash;
