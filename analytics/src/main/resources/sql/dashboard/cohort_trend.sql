-- Coach dashboard: the cohort's accuracy per topic, week over week.
SELECT topic_id, toString(week) AS week_start, countMerge(answers) AS answers, sumMerge(correct) AS correct
FROM learner_topic_week
WHERE learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort AND (:track = '' OR track = :track))
  AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY topic_id, week
ORDER BY topic_id, week
