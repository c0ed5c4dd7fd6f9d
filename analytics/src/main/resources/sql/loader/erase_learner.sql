-- Erasure: every table that names the learner. Mutations run in the background on ClickHouse.
ALTER TABLE answers DELETE WHERE learner_id = ?;
ALTER TABLE learner_topic_week DELETE WHERE learner_id = ?;
ALTER TABLE mastery DELETE WHERE learner_id = ?;
ALTER TABLE learner_topic_mastery DELETE WHERE learner_id = ?;
ALTER TABLE learners DELETE WHERE learner_id = ?;
