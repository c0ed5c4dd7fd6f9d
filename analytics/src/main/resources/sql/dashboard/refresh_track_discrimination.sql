-- The discrimination of every question in every track over the default range, stored as the
-- latest per-track snapshot. {discrimination_by_track.sql} is replaced by that file.
INSERT INTO track_question_discrimination (track, question_id, discrimination, learners, range_from, range_to, computed_at)
SELECT track, question_id, discrimination, learners, toDate(toDateTime(:from)), toDate(toDateTime(:to)), toDateTime(:now)
FROM (
{discrimination_by_track.sql}
)
