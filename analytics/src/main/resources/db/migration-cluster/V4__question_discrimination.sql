-- Cluster variant of db/migration/V4: snapshots of a question land on one shard (sharded by
-- question), so FINAL, which the Distributed table runs on each shard, keeps the newest.
-- UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.
CREATE TABLE IF NOT EXISTS ${database}.question_discrimination_local ON CLUSTER ${cluster} (
    question_id String,
    discrimination Float64,
    learners UInt64,
    range_from Date,
    range_to Date,
    computed_at DateTime
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${database}/question_discrimination_local', '{replica}', computed_at)
ORDER BY question_id;

CREATE TABLE IF NOT EXISTS ${database}.question_discrimination ON CLUSTER ${cluster} AS ${database}.question_discrimination_local
ENGINE = Distributed(${cluster}, ${database}, question_discrimination_local, cityHash64(question_id));
