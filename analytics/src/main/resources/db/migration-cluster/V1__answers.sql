-- Cluster variant of db/migration/V1 (selected by hone.clickhouse.cluster): each table is a
-- Replicated*MergeTree "<name>_local" on every node, created ON CLUSTER, plus a Distributed table
-- under the name the loader and the dashboards use. Columns, partitioning and order are those of
-- the single-server file (MigrationsClusterTests checks it).
-- Every table that names a learner is sharded by cityHash64(learner_id): a learner's answers,
-- mastery, aggregates and profile live on one shard, so "learner_id IN (SELECT ... FROM learners)"
-- runs shard-locally with distributed_product_mode = 'local' (see README "Running past one machine").
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
ENGINE = Distributed(${cluster}, ${database}, answers_local, cityHash64(learner_id));
