-- Product dashboard for a cohort (and maybe a track): per topic x difficulty from the answers of
-- the cohort's learners (a cohort is ~100 learners: few granules of the learner-ordered table);
-- the track is the answer's own (the track its learner was in when it was recorded).
SELECT topic_id, difficulty, count() AS answers, sum(correct) AS correct, quantileTDigest(0.5)(response_ms) AS median_ms
FROM answers
WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
  AND (:track = '' OR track = :track)
  AND learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort)
GROUP BY topic_id, difficulty
ORDER BY topic_id, difficulty
