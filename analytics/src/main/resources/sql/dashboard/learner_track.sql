-- A learner's track from their latest profile ('' when they have none).
SELECT argMax(track, version) AS track
FROM learners
WHERE learner_id = :learner
