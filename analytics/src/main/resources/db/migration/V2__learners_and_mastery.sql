-- Learner profiles from the compacted hone.learners.v1: the latest record per learner wins
-- (version = its Kafka offset). 10k-100k rows, so reading it with FINAL costs milliseconds.
-- An erasure tombstone deletes the learner's rows here and everywhere else (ALTER ... DELETE).
CREATE TABLE IF NOT EXISTS ${database}.learners (
    learner_id String,
    cohort String,
    track String,
    name String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY learner_id;

-- Every mastery change from hone.mastery.v1 (the recommender's estimate after each answer).
CREATE TABLE IF NOT EXISTS ${database}.mastery (
    learner_id String,
    topic_id String,
    mastery Float32,
    answers UInt32,
    correct UInt32,
    caused_by String,
    at DateTime,
    kafka_partition UInt32,
    kafka_offset UInt64
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(at)
ORDER BY (learner_id, topic_id, at);
