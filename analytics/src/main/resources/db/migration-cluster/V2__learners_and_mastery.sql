-- Cluster variant of db/migration/V2: mastery sharded by Kafka partition like answers (see V1);
-- learners by learner, so FINAL (run on each shard) sees every version of a profile.
-- UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.
CREATE TABLE IF NOT EXISTS ${database}.learners_local ON CLUSTER ${cluster} (
    learner_id String,
    cohort String,
    track String,
    name String,
    version UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${database}/learners_local', '{replica}', version)
ORDER BY learner_id;

CREATE TABLE IF NOT EXISTS ${database}.learners ON CLUSTER ${cluster} AS ${database}.learners_local
ENGINE = Distributed(${cluster}, ${database}, learners_local, cityHash64(learner_id));

CREATE TABLE IF NOT EXISTS ${database}.mastery_local ON CLUSTER ${cluster} (
    learner_id String,
    topic_id String,
    mastery Float32,
    answers UInt32,
    correct UInt32,
    caused_by String,
    at DateTime,
    kafka_partition UInt32,
    kafka_offset UInt64
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/${database}/mastery_local', '{replica}')
PARTITION BY toYYYYMM(at)
ORDER BY (learner_id, topic_id, at);

CREATE TABLE IF NOT EXISTS ${database}.mastery ON CLUSTER ${cluster} AS ${database}.mastery_local
ENGINE = Distributed(${cluster}, ${database}, mastery_local, kafka_partition);
