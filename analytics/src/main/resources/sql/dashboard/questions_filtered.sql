-- Product dashboard for a cohort (and maybe a track): per question from the answers of the
-- cohort's learners; the track is the answer's own.
SELECT question_id, any(topic_id) AS topic_id, any(difficulty) AS difficulty, count() AS answers, sum(correct) AS correct, quantileTDigest(0.5)(response_ms) AS median_ms
FROM answers
WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
  AND (:track = '' OR track = :track)
  AND learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort)
GROUP BY question_id
ORDER BY question_id
