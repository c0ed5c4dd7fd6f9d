-- The discrimination of every question over the default range, stored as the latest snapshot.
-- {discrimination.sql} is replaced by that file: the snapshot and the live view run one query.
INSERT INTO question_discrimination (question_id, discrimination, learners, range_from, range_to, computed_at)
SELECT question_id, discrimination, learners, toDate(toDateTime(:from)), toDate(toDateTime(:to)), toDateTime(:now)
FROM (
{discrimination.sql}
)
