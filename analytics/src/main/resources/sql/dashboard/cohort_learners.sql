-- Coach dashboard: the cohort's learners with their track.
SELECT learner_id, track, name
FROM learners FINAL
WHERE cohort = :cohort AND (:track = '' OR track = :track)
ORDER BY learner_id
