-- Point-biserial discrimination per question: the correlation, over the learners who answered
-- it, between their score on the item (share correct of their attempts) and their rest score
-- (share correct of all their other answers). Computed from two SQL aggregates joined per learner.
SELECT question_id, corr(x, r) AS discrimination, count() AS learners
FROM (
    SELECT question_id, c / n AS x, (t - c) / (tn - n) AS r
    FROM (
        SELECT learner_id, question_id, count() AS n, sum(correct) AS c
        FROM answers
        WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
          AND (:cohort = '' AND :track = '' OR learner_id IN (SELECT learner_id FROM learners FINAL WHERE (:cohort = '' OR cohort = :cohort) AND (:track = '' OR track = :track)))
        GROUP BY learner_id, question_id
    ) ANY INNER JOIN (
        SELECT learner_id, count() AS tn, sum(correct) AS t
        FROM answers
        WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
          AND (:cohort = '' AND :track = '' OR learner_id IN (SELECT learner_id FROM learners FINAL WHERE (:cohort = '' OR cohort = :cohort) AND (:track = '' OR track = :track)))
        GROUP BY learner_id
    ) USING learner_id
    WHERE tn > n
)
GROUP BY question_id
