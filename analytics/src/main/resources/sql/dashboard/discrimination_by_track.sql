-- discrimination.sql for every track at once (the background snapshot of the track views):
-- learner x question and learner totals within each track, joined per track and learner.
SELECT track, question_id, corr(x, r) AS discrimination, count() AS learners
FROM (
    SELECT track, question_id, c / n AS x, (t - c) / (tn - n) AS r
    FROM (
        SELECT track, learner_id, question_id, count() AS n, sum(correct) AS c
        FROM answers
        WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to) AND track != ''
        GROUP BY track, learner_id, question_id
    ) ANY INNER JOIN (
        SELECT track, learner_id, count() AS tn, sum(correct) AS t
        FROM answers
        WHERE answered_at >= toDateTime(:from) AND answered_at < toDateTime(:to) AND track != ''
        GROUP BY track, learner_id
    ) USING track, learner_id
    WHERE tn > n
)
GROUP BY track, question_id
