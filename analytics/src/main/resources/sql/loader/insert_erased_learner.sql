INSERT INTO erased_learners (learner_hash, erased_at) VALUES (?, toDateTime(?))
