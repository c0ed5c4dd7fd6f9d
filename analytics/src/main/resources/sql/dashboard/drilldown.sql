-- Coach drill-down: one learner's answers on one topic, newest first.
SELECT event_id, question_id, difficulty, correct, score, arrayStringConcat(chosen_options, ' ') AS chosen, response_ms, toUInt32(answered_at) AS answered_at
FROM answers
WHERE learner_id = :learner AND topic_id = :topic
  AND answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
ORDER BY answered_at DESC
LIMIT 500
