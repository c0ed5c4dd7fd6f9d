-- The latest discrimination snapshot of one track (a few hundred rows; FINAL keeps the newest per question).
SELECT question_id, discrimination, learners, toString(range_from) AS range_from, toString(range_to) AS range_to, toUInt32(computed_at) AS computed_at
FROM track_question_discrimination FINAL
WHERE track = :track
