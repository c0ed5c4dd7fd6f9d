-- Distractor analysis for a cohort (and maybe a track); the track is the answer's own.
SELECT question_id, option_id, count() AS chosen
FROM answers
ARRAY JOIN chosen_options AS option_id
WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
  AND (:track = '' OR track = :track)
  AND learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort)
GROUP BY question_id, option_id
