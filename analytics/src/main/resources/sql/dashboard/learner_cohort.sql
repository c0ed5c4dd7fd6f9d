-- Who may read a learner: the cohort of their latest profile ('' when they have none).
SELECT argMax(cohort, version) AS cohort
FROM learners
WHERE learner_id = :learner
