-- Point-biserial discrimination per question: the correlation, over the learners who answered
-- it, between their score on the item (share correct of their attempts) and their rest score
-- (share correct of all their other answers). Computed from two SQL aggregates joined per learner.
-- A track keeps the answers recorded in it (the answer's own track), so within a track both
-- scores come from that track's answers; a cohort keeps its learners' answers.
SELECT question_id, corr(x, r) AS discrimination, count() AS learners
FROM (
    SELECT question_id, c / n AS x, (t - c) / (tn - n) AS r
    FROM (
        SELECT learner_id, question_id, count() AS n, sum(correct) AS c
        FROM answers
        WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
          AND (:track = '' OR track = :track)
          AND (:cohort = '' OR learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort))
        GROUP BY learner_id, question_id
    ) ANY INNER JOIN (
        SELECT learner_id, count() AS tn, sum(correct) AS t
        FROM answers
        WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to)
          AND (:track = '' OR track = :track)
          AND (:cohort = '' OR learner_id IN (SELECT learner_id FROM learners FINAL WHERE cohort = :cohort))
        GROUP BY learner_id
    ) USING learner_id
    WHERE tn > n
)
GROUP BY question_id
