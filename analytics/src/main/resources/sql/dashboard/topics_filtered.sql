-- Product dashboard for a cohort or track: per topic x difficulty from the answers of its learners.
SELECT topic_id, difficulty, count() AS answers, sum(correct) AS correct, quantileTDigest(0.5)(response_ms) AS median_ms
FROM answers
WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
  AND learner_id IN (SELECT learner_id FROM learners FINAL WHERE (:cohort = '' OR cohort = :cohort) AND (:track = '' OR track = :track))
GROUP BY topic_id, difficulty
ORDER BY topic_id, difficulty
