-- Every erasure, the latest per learner.
SELECT learner_hash, toUInt32(max(erased_at)) FROM erased_learners GROUP BY learner_hash
