-- Product dashboard for a track (no cohort): per question from the per-track view.
SELECT question_id, any(topic_id) AS topic_id, any(difficulty) AS difficulty, countMerge(answers) AS answers, sumMerge(correct) AS correct, quantileTDigestMerge(0.5)(time_ms) AS median_ms
FROM track_question_week
WHERE track = :track AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY question_id
ORDER BY question_id
