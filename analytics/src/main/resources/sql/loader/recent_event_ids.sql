-- Event ids a partition already holds within the resend window: a resent answer is dropped.
SELECT kafka_partition, event_id, toUInt32(toDate(answered_at)) AS day
FROM answers
WHERE answered_at >= toDateTime(toUInt32(?))
