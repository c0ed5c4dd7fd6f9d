-- Aggregates the dashboards read often, kept up to date by materialized views on insert.
-- Each view writes TO an explicit AggregatingMergeTree table (-State on insert, -Merge on read),
-- so erasure can ALTER ... DELETE the learner's rows in it like in any table.

-- per learner x topic x week: the learner and coach dashboards
CREATE TABLE IF NOT EXISTS ${database}.learner_topic_week (
    learner_id String,
    topic_id String,
    week Date,
    answers AggregateFunction(count),
    correct AggregateFunction(sum, UInt8),
    time_ms AggregateFunction(sum, UInt32),
    last_at AggregateFunction(max, DateTime)
) ENGINE = AggregatingMergeTree()
PARTITION BY toYYYYMM(week)
ORDER BY (learner_id, topic_id, week);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.learner_topic_week_mv TO ${database}.learner_topic_week AS
SELECT learner_id, topic_id, toMonday(answered_at) AS week,
       countState() AS answers, sumState(correct) AS correct,
       sumState(response_ms) AS time_ms, maxState(answered_at) AS last_at
FROM ${database}.answers
GROUP BY learner_id, topic_id, week;

-- per question x week: the product dashboard (no learner in it: anonymous)
CREATE TABLE IF NOT EXISTS ${database}.question_week (
    question_id String,
    topic_id String,
    difficulty UInt8,
    week Date,
    answers AggregateFunction(count),
    correct AggregateFunction(sum, UInt8),
    time_ms AggregateFunction(quantileTDigest(0.5), UInt32)
) ENGINE = AggregatingMergeTree()
PARTITION BY toYYYYMM(week)
ORDER BY (question_id, topic_id, difficulty, week);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.question_week_mv TO ${database}.question_week AS
SELECT question_id, topic_id, difficulty, toMonday(answered_at) AS week,
       countState() AS answers, sumState(correct) AS correct, quantileTDigestState(0.5)(response_ms) AS time_ms
FROM ${database}.answers
GROUP BY question_id, topic_id, difficulty, week;

-- per question x chosen option x week: distractor analysis
CREATE TABLE IF NOT EXISTS ${database}.option_week (
    question_id String,
    option_id String,
    week Date,
    chosen AggregateFunction(count)
) ENGINE = AggregatingMergeTree()
PARTITION BY toYYYYMM(week)
ORDER BY (question_id, option_id, week);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.option_week_mv TO ${database}.option_week AS
SELECT question_id, option_id, toMonday(answered_at) AS week, countState() AS chosen
FROM ${database}.answers
ARRAY JOIN chosen_options AS option_id
GROUP BY question_id, option_id, week;

-- latest mastery per learner x topic
CREATE TABLE IF NOT EXISTS ${database}.learner_topic_mastery (
    learner_id String,
    topic_id String,
    mastery AggregateFunction(argMax, Float32, DateTime),
    last_at AggregateFunction(max, DateTime)
) ENGINE = AggregatingMergeTree()
ORDER BY (learner_id, topic_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.learner_topic_mastery_mv TO ${database}.learner_topic_mastery AS
SELECT learner_id, topic_id, argMaxState(mastery, at) AS mastery, maxState(at) AS last_at
FROM ${database}.mastery
GROUP BY learner_id, topic_id;
