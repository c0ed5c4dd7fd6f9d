INSERT INTO mastery (learner_id, topic_id, mastery, answers, correct, caused_by, at, kafka_partition, kafka_offset)
