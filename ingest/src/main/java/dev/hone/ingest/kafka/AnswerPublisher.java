package dev.hone.ingest.kafka;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import dev.hone.ingest.metrics.AnswerMetrics;
import org.springframework.stereotype.Component;

import java.time.Duration;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Produces accepted answers to {@link Topics#ANSWERS}, keyed by learner, and waits for the broker's ack. */
@Component
public class AnswerPublisher {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;
    private final AnswerMetrics metrics;

    AnswerPublisher(Producer<String, byte[]> answerProducer, KafkaSettings settings, AnswerMetrics metrics) {
        this.producer = answerProducer;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Returns once the broker acknowledged the answer; throws {@link PublishFailedException} otherwise. */
    public void publish(AnswerRecorded answer) {
        await(send(answer));
    }

    /** Hands the answer to the producer without waiting; pair with {@link #await} to learn its fate. */
    public Future<RecordMetadata> send(AnswerRecorded answer) {
        byte[] value = Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
        long start = System.nanoTime();
        return producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, answer.learnerId(), value),
                (metadata, failure) -> metrics.produced(Duration.ofNanos(System.nanoTime() - start), failure == null));
    }

    /** Waits for the broker's acknowledgement of a {@link #send}. */
    public void await(Future<RecordMetadata> sent) {
        try {
            sent.get(settings.produceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while producing", e);
        }
    }

    /** The answer could not be stored; the client may retry with the same eventId. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
