-- The highest Kafka offset stored per partition of hone.answers.v1: where the loader resumes.
SELECT kafka_partition, max(kafka_offset) FROM answers GROUP BY kafka_partition
