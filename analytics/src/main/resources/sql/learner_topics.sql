-- Per-topic answers and accuracy of one learner.
SELECT topic_id, count() AS answers, sum(correct) AS correct
FROM answers
WHERE learner_id = ?
GROUP BY topic_id
ORDER BY topic_id
