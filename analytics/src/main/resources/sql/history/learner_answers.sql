-- One learner's answers, newest first, for ingest's xAPI statements (GET /xapi/statements?agent=...).
-- The primary key starts with learner_id, so this reads only that learner's granules.
SELECT event_id, question_id, topic_id, kind, correct, score, chosen_options, response_ms,
       toUInt32(answered_at) AS answered_at, toUInt32(recorded_at) AS recorded_at
FROM answers
WHERE learner_id = :learner
ORDER BY answered_at DESC, event_id
LIMIT :limit
