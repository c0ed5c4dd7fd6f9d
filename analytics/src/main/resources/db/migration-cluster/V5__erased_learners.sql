-- Cluster variant of db/migration/V5: erasures sharded by the hash, so FINAL keeps one per learner.
-- UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.
CREATE TABLE IF NOT EXISTS ${database}.erased_learners_local ON CLUSTER ${cluster} (
    learner_hash String,
    erased_at DateTime
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${database}/erased_learners_local', '{replica}', erased_at)
ORDER BY learner_hash;

CREATE TABLE IF NOT EXISTS ${database}.erased_learners ON CLUSTER ${cluster} AS ${database}.erased_learners_local
ENGINE = Distributed(${cluster}, ${database}, erased_learners_local, cityHash64(learner_hash));
