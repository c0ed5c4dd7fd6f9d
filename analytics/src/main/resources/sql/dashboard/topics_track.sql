-- Product dashboard for a track (no cohort): per topic x difficulty from the per-track view
-- (answers count for the track their learner was in when they were recorded).
SELECT topic_id, difficulty, countMerge(answers) AS answers, sumMerge(correct) AS correct, quantileTDigestMerge(0.5)(time_ms) AS median_ms
FROM track_question_week
WHERE track = :track AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY topic_id, difficulty
ORDER BY topic_id, difficulty
