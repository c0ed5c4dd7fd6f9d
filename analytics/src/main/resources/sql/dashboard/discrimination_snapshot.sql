-- The latest discrimination snapshot (a few hundred rows; FINAL keeps the newest per question).
SELECT question_id, discrimination, learners, toString(range_from) AS range_from, toString(range_to) AS range_to, toUInt32(computed_at) AS computed_at
FROM question_discrimination FINAL
