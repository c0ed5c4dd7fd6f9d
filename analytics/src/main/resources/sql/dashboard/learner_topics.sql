-- Learner dashboard: answers, correct, time and last answer per topic, with the latest mastery.
SELECT topic_id, answers, correct, time_ms, last_at, known, mastery
FROM (
    SELECT topic_id, countMerge(answers) AS answers, sumMerge(correct) AS correct,
           sumMerge(time_ms) AS time_ms, toUInt32(maxMerge(last_at)) AS last_at
    FROM learner_topic_week
    WHERE learner_id = :learner AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
    GROUP BY topic_id
) ANY LEFT JOIN (
    SELECT topic_id, 1 AS known, argMaxMerge(mastery) AS mastery
    FROM learner_topic_mastery
    WHERE learner_id = :learner
    GROUP BY topic_id
) USING topic_id
