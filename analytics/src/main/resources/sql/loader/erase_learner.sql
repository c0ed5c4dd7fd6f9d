-- Erasure: every table that names the learner. Mutations run in the background on ClickHouse.
-- ${database}: the legacy driver runs ALTER outside the URL's database, as it does DDL.
ALTER TABLE ${database}.answers DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.learner_topic_week DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.mastery DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.learner_topic_mastery DELETE WHERE learner_id = ?;
ALTER TABLE ${database}.learners DELETE WHERE learner_id = ?;
