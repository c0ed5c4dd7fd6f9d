-- One row per accepted answer, as it arrived on hone.answers.v1.
-- kafka_partition/kafka_offset make the loader an exactly-once sink: after a crash it resumes
-- after the highest offset ClickHouse holds for each partition, so nothing is inserted twice.
-- Partitioned by month; ordered by learner first because every coach and learner dashboard
-- filters by learner (a cohort or track is a set of learners, joined from `learners` at query time).
-- ${database} is the configured database (the legacy driver runs DDL outside the URL's database).
-- Valid on ClickHouse 18.16 (no DateTime64, no TTL) and on current ClickHouse.
CREATE TABLE IF NOT EXISTS ${database}.answers (
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
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(answered_at)
ORDER BY (learner_id, topic_id, answered_at);
