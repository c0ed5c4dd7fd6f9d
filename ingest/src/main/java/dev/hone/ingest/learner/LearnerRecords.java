package dev.hone.ingest.learner;

import dev.hone.events.Topics;
import dev.hone.ingest.kafka.AnswerPublisher;
import dev.hone.ingest.kafka.KafkaSettings;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** Writes a learner's record (a profile, or a tombstone for erasure) to the compacted {@code hone.learners.v1}. */
@Component
class LearnerRecords {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    LearnerRecords(@Qualifier("answerProducer") Producer<String, byte[]> answerProducer, KafkaSettings settings) {
        this.producer = answerProducer;
        this.settings = settings;
    }

    /** Returns once Kafka acknowledged the record ({@code null}: a tombstone). */
    void publish(String learnerId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.LEARNERS_NAME, learnerId, value))
                    .get(settings.produceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new AnswerPublisher.PublishFailedException("Kafka did not acknowledge the learner's record", e);
        }
    }
}
