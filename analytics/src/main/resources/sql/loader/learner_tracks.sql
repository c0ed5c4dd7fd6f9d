-- The track each learner of a batch is in now (their latest profile): what their answers loaded
-- now are attributed to. batch_learners is the batch's learner ids, sent with the query as
-- external data (no size limit, unlike an IN list in the query text); learners is ordered by
-- learner_id, so the IN reads only their granules. GLOBAL: on a cluster the Distributed
-- learners table ships the batch to every shard; on one server it is a plain IN.
SELECT learner_id, argMax(track, version) AS track
FROM learners
WHERE learner_id GLOBAL IN batch_learners
GROUP BY learner_id
