-- Cluster variant of db/migration/V6: the track column is added to the local tables and to the
-- Distributed table over them (a Distributed table keeps its own column list). The track views
-- read the local answers, so each shard aggregates its own; the per-track discrimination
-- snapshots of a question land on one shard (sharded by question), so FINAL keeps the newest.
-- UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.
ALTER TABLE ${database}.answers_local ON CLUSTER ${cluster} ADD COLUMN track String DEFAULT '' AFTER learner_id;

ALTER TABLE ${database}.answers ON CLUSTER ${cluster} ADD COLUMN track String DEFAULT '' AFTER learner_id;

CREATE TABLE IF NOT EXISTS ${database}.track_question_week_local ON CLUSTER ${cluster} (
    track String,
    question_id String,
    topic_id String,
    difficulty UInt8,
    week Date,
    answers AggregateFunction(count),
    correct AggregateFunction(sum, UInt8),
    time_ms AggregateFunction(quantileTDigest(0.5), UInt32)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/${database}/track_question_week_local', '{replica}')
PARTITION BY toYYYYMM(week)
ORDER BY (track, question_id, topic_id, difficulty, week);

CREATE TABLE IF NOT EXISTS ${database}.track_question_week ON CLUSTER ${cluster} AS ${database}.track_question_week_local
ENGINE = Distributed(${cluster}, ${database}, track_question_week_local, cityHash64(question_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.track_question_week_mv ON CLUSTER ${cluster} TO ${database}.track_question_week_local AS
SELECT track, question_id, topic_id, difficulty, toMonday(answered_at) AS week,
       countState() AS answers, sumState(correct) AS correct, quantileTDigestState(0.5)(response_ms) AS time_ms
FROM ${database}.answers_local
WHERE track != ''
GROUP BY track, question_id, topic_id, difficulty, week;

CREATE TABLE IF NOT EXISTS ${database}.track_option_week_local ON CLUSTER ${cluster} (
    track String,
    question_id String,
    option_id String,
    week Date,
    chosen AggregateFunction(count)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/${database}/track_option_week_local', '{replica}')
PARTITION BY toYYYYMM(week)
ORDER BY (track, question_id, option_id, week);

CREATE TABLE IF NOT EXISTS ${database}.track_option_week ON CLUSTER ${cluster} AS ${database}.track_option_week_local
ENGINE = Distributed(${cluster}, ${database}, track_option_week_local, cityHash64(question_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.track_option_week_mv ON CLUSTER ${cluster} TO ${database}.track_option_week_local AS
SELECT track, question_id, option_id, toMonday(answered_at) AS week, countState() AS chosen
FROM ${database}.answers_local
ARRAY JOIN chosen_options AS option_id
WHERE track != ''
GROUP BY track, question_id, option_id, week;

CREATE TABLE IF NOT EXISTS ${database}.track_question_discrimination_local ON CLUSTER ${cluster} (
    track String,
    question_id String,
    discrimination Float64,
    learners UInt64,
    range_from Date,
    range_to Date,
    computed_at DateTime
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${database}/track_question_discrimination_local', '{replica}', computed_at)
ORDER BY (track, question_id);

CREATE TABLE IF NOT EXISTS ${database}.track_question_discrimination ON CLUSTER ${cluster} AS ${database}.track_question_discrimination_local
ENGINE = Distributed(${cluster}, ${database}, track_question_discrimination_local, cityHash64(question_id));
