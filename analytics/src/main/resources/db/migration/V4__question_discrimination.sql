-- Point-biserial discrimination of every question over all learners, refreshed in the background
-- (DiscriminationSnapshot): computed live over 10M answers it takes seconds (it groups by
-- learner x question), far beyond a dashboard's budget. The unfiltered product dashboard reads
-- the latest snapshot; filtered ones (a cohort, a track, a date range) compute it live.
CREATE TABLE IF NOT EXISTS ${database}.question_discrimination (
    question_id String,
    discrimination Float64,
    learners UInt64,
    range_from Date,
    range_to Date,
    computed_at DateTime
) ENGINE = ReplacingMergeTree(computed_at)
ORDER BY question_id;
