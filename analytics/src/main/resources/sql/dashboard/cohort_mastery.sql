-- Coach dashboard: latest mastery per learner x topic of the cohort.
SELECT learner_id, topic_id, argMaxMerge(mastery) AS mastery
FROM learner_topic_mastery
WHERE learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort AND (:track = '' OR track = :track))
GROUP BY learner_id, topic_id
