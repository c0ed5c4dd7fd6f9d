-- Distractor analysis for a track (no cohort): how often each option was chosen in the track.
SELECT question_id, option_id, countMerge(chosen) AS chosen
FROM track_option_week
WHERE track = :track AND week >= toDate(toDateTime(:from)) AND week < toDate(toDateTime(:to))
GROUP BY question_id, option_id
