-- Distractor analysis for a cohort or track.
SELECT question_id, option_id, count() AS chosen
FROM answers
ARRAY JOIN chosen_options AS option_id
WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
  AND learner_id IN (SELECT learner_id FROM learners FINAL WHERE (:cohort = '' OR cohort = :cohort) AND (:track = '' OR track = :track))
GROUP BY question_id, option_id
