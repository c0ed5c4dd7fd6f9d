INSERT INTO learners (learner_id, cohort, track, name, version)
