-- At-risk learners: last answer, and accuracy in the recent and the previous period of each learner.
SELECT learner_id,
       toUInt32(maxMerge(last_at)) AS last_at,
       countMergeIf(answers, week >= toDate(toDateTime(:recentFrom))) AS recent_answers,
       sumMergeIf(correct, week >= toDate(toDateTime(:recentFrom))) AS recent_correct,
       countMergeIf(answers, week < toDate(toDateTime(:recentFrom)) AND week >= toDate(toDateTime(:previousFrom))) AS previous_answers,
       sumMergeIf(correct, week < toDate(toDateTime(:recentFrom)) AND week >= toDate(toDateTime(:previousFrom))) AS previous_correct
FROM learner_topic_week
WHERE learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort AND (:track = '' OR track = :track))
GROUP BY learner_id
