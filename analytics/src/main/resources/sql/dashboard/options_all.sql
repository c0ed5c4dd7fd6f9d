-- Distractor analysis, no cohort/track filter: how often each option was chosen.
SELECT question_id, option_id, countMerge(chosen) AS chosen
FROM option_week
WHERE week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY question_id, option_id
