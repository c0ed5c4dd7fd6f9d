-- Learner dashboard: the trend per week.
SELECT toString(week) AS week_start, countMerge(answers) AS answers, sumMerge(correct) AS correct, sumMerge(time_ms) AS time_ms
FROM learner_topic_week
WHERE learner_id = :learner AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY week
ORDER BY week
