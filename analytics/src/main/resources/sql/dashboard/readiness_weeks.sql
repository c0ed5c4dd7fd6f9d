-- Readiness trend: each topic's last mastery (the recommender's estimate) in each week, up to the end of the
-- range; weeks before the range are read too, so a topic practised earlier carries its mastery into it.
SELECT toString(toMonday(at)) AS week_start, topic_id, argMax(mastery, at) AS last_mastery
FROM mastery
WHERE learner_id = :learner AND at < toDateTime(:to)
GROUP BY toMonday(at), topic_id
ORDER BY week_start, topic_id
