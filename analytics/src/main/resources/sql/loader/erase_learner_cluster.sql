-- Erasure on a cluster (hone.clickhouse.cluster set): mutations run on the replicated local
-- tables of every shard (a Distributed table takes no ALTER ... DELETE). Same tables as
-- erase_learner.sql. UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.
ALTER TABLE ${database}.answers_local ON CLUSTER ${cluster} DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.learner_topic_week_local ON CLUSTER ${cluster} DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.mastery_local ON CLUSTER ${cluster} DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.learner_topic_mastery_local ON CLUSTER ${cluster} DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.learners_local ON CLUSTER ${cluster} DELETE WHERE learner_id = ?;
