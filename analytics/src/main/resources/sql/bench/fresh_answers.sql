-- Freshness: which of the benchmark's answers ClickHouse returns already.
SELECT event_id FROM answers WHERE learner_id LIKE ?
