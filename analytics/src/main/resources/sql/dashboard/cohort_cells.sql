-- Coach dashboard: the heat map, one cell per learner x topic of the cohort.
SELECT learner_id, topic_id, countMerge(answers) AS answers, sumMerge(correct) AS correct, toUInt32(maxMerge(last_at)) AS last_at
FROM learner_topic_week
WHERE learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort AND (:track = '' OR track = :track))
  AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY learner_id, topic_id
ORDER BY learner_id, topic_id
