-- Product dashboard, no cohort/track filter: per topic x difficulty from the per-question view.
SELECT topic_id, difficulty, countMerge(answers) AS answers, sumMerge(correct) AS correct, quantileTDigestMerge(0.5)(time_ms) AS median_ms
FROM question_week
WHERE week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY topic_id, difficulty
ORDER BY topic_id, difficulty
