-- How far a learner's erasure got: whether it is recorded (the loader then stores nothing more of
-- the learner recorded before it), and the rows the DELETE mutations have still to remove from the
-- tables that name the learner (the same tables as loader/erase_learner.sql). Nothing is filtered:
-- a row counts until ClickHouse really removed it.
SELECT
    (SELECT count() FROM erased_learners WHERE learner_hash = :hash) AS recorded,
    (SELECT count() FROM answers WHERE learner_id = :learner)
      + (SELECT count() FROM learner_topic_week WHERE learner_id = :learner)
      + (SELECT count() FROM mastery WHERE learner_id = :learner)
      + (SELECT count() FROM learner_topic_mastery WHERE learner_id = :learner)
      + (SELECT count() FROM learners WHERE learner_id = :learner) AS rows_left
