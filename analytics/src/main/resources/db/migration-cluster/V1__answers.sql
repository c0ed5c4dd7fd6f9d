-- Cluster variant of db/migration/V1 (selected by hone.clickhouse.cluster): each table is a
-- Replicated*MergeTree "<name>_local" on every node, created ON CLUSTER, plus a Distributed table
-- under the name the loader and the dashboards use. Columns, partitioning and order are those of
-- the single-server file (MigrationsClusterTests checks it).
-- answers and mastery are sharded by their Kafka partition: the rows of one partition land on one
-- shard, in one block per insert, so the highest offset per partition that the loader resumes
-- from is never ahead of rows a failed insert left out on another shard. A learner's events share
-- a partition (key learnerId), so a learner's answers, mastery and aggregates share a shard too.
-- The dashboards' "learner_id IN (SELECT ... FROM learners)" needs distributed_product_mode =
-- 'global' and the loader insert_distributed_sync = 1 (README "Running past one machine").
-- {shard} and {replica} are the servers' macros; ${cluster} is the cluster of remote_servers.
-- UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.
CREATE TABLE IF NOT EXISTS ${database}.answers_local ON CLUSTER ${cluster} (
    event_id String,
    learner_id String,
    question_id String,
    topic_id String,
    kind String,
    difficulty UInt8,
    correct UInt8,
    score Float32,
    chosen_options Array(String),
    response_ms UInt32,
    answered_at DateTime,
    recorded_at DateTime,
    kafka_partition UInt32,
    kafka_offset UInt64
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/${database}/answers_local', '{replica}')
PARTITION BY toYYYYMM(answered_at)
ORDER BY (learner_id, topic_id, answered_at);

CREATE TABLE IF NOT EXISTS ${database}.answers ON CLUSTER ${cluster} AS ${database}.answers_local
ENGINE = Distributed(${cluster}, ${database}, answers_local, kafka_partition);
