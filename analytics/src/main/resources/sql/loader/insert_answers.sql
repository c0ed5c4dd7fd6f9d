INSERT INTO answers (event_id, learner_id, question_id, topic_id, kind, difficulty, correct, score, chosen_options, response_ms, answered_at, recorded_at, kafka_partition, kafka_offset, track)
