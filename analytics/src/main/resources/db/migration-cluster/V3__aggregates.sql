-- Cluster variant of db/migration/V3: each shard aggregates its own answers (the views read the
-- local tables, which the Distributed insert fills); the Distributed tables merge the -State
-- columns of all shards on read, so the dashboards' -Merge queries stay as they are. Only the
-- views write these tables, so their Distributed sharding keys are never used for routing.
-- UNTESTED against a real cluster: this machine's ClickHouse has no ZooKeeper.

CREATE TABLE IF NOT EXISTS ${database}.learner_topic_week_local ON CLUSTER ${cluster} (
    learner_id String,
    topic_id String,
    week Date,
    answers AggregateFunction(count),
    correct AggregateFunction(sum, UInt8),
    time_ms AggregateFunction(sum, UInt32),
    last_at AggregateFunction(max, DateTime)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/${database}/learner_topic_week_local', '{replica}')
PARTITION BY toYYYYMM(week)
ORDER BY (learner_id, topic_id, week);

CREATE TABLE IF NOT EXISTS ${database}.learner_topic_week ON CLUSTER ${cluster} AS ${database}.learner_topic_week_local
ENGINE = Distributed(${cluster}, ${database}, learner_topic_week_local, cityHash64(learner_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.learner_topic_week_mv ON CLUSTER ${cluster} TO ${database}.learner_topic_week_local AS
SELECT learner_id, topic_id, toMonday(answered_at) AS week,
       countState() AS answers, sumState(correct) AS correct,
       sumState(response_ms) AS time_ms, maxState(answered_at) AS last_at
FROM ${database}.answers_local
GROUP BY learner_id, topic_id, week;

CREATE TABLE IF NOT EXISTS ${database}.question_week_local ON CLUSTER ${cluster} (
    question_id String,
    topic_id String,
    difficulty UInt8,
    week Date,
    answers AggregateFunction(count),
    correct AggregateFunction(sum, UInt8),
    time_ms AggregateFunction(quantileTDigest(0.5), UInt32)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/${database}/question_week_local', '{replica}')
PARTITION BY toYYYYMM(week)
ORDER BY (question_id, topic_id, difficulty, week);

CREATE TABLE IF NOT EXISTS ${database}.question_week ON CLUSTER ${cluster} AS ${database}.question_week_local
ENGINE = Distributed(${cluster}, ${database}, question_week_local, cityHash64(question_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.question_week_mv ON CLUSTER ${cluster} TO ${database}.question_week_local AS
SELECT question_id, topic_id, difficulty, toMonday(answered_at) AS week,
       countState() AS answers, sumState(correct) AS correct, quantileTDigestState(0.5)(response_ms) AS time_ms
FROM ${database}.answers_local
GROUP BY question_id, topic_id, difficulty, week;

CREATE TABLE IF NOT EXISTS ${database}.option_week_local ON CLUSTER ${cluster} (
    question_id String,
    option_id String,
    week Date,
    chosen AggregateFunction(count)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/${database}/option_week_local', '{replica}')
PARTITION BY toYYYYMM(week)
ORDER BY (question_id, option_id, week);

CREATE TABLE IF NOT EXISTS ${database}.option_week ON CLUSTER ${cluster} AS ${database}.option_week_local
ENGINE = Distributed(${cluster}, ${database}, option_week_local, cityHash64(question_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.option_week_mv ON CLUSTER ${cluster} TO ${database}.option_week_local AS
SELECT question_id, option_id, toMonday(answered_at) AS week, countState() AS chosen
FROM ${database}.answers_local
ARRAY JOIN chosen_options AS option_id
GROUP BY question_id, option_id, week;

CREATE TABLE IF NOT EXISTS ${database}.learner_topic_mastery_local ON CLUSTER ${cluster} (
    learner_id String,
    topic_id String,
    mastery AggregateFunction(argMax, Float32, DateTime),
    last_at AggregateFunction(max, DateTime)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/${database}/learner_topic_mastery_local', '{replica}')
ORDER BY (learner_id, topic_id);

CREATE TABLE IF NOT EXISTS ${database}.learner_topic_mastery ON CLUSTER ${cluster} AS ${database}.learner_topic_mastery_local
ENGINE = Distributed(${cluster}, ${database}, learner_topic_mastery_local, cityHash64(learner_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.learner_topic_mastery_mv ON CLUSTER ${cluster} TO ${database}.learner_topic_mastery_local AS
SELECT learner_id, topic_id, argMaxState(mastery, at) AS mastery, maxState(at) AS last_at
FROM ${database}.mastery_local
GROUP BY learner_id, topic_id;
