-- The highest Kafka offset stored per partition of hone.mastery.v1: where the loader resumes.
SELECT kafka_partition, max(kafka_offset) FROM mastery GROUP BY kafka_partition
