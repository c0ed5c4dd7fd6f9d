package dev.hone.ingest.kafka;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import dev.hone.ingest.metrics.AnswerMetrics;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Produces accepted answers to {@link Topics#ANSWERS}, keyed by learner, and waits for the broker's ack: a single
 * answer through the producer without linger, the answers of a batch through the one with linger.
 */
@Component
public class AnswerPublisher {

    private final Producer<String, byte[]> singles;
    private final Producer<String, byte[]> batches;
    private final KafkaSettings settings;
    private final AnswerMetrics metrics;

    AnswerPublisher(@Qualifier("answerProducer") Producer<String, byte[]> answerProducer,
                    @Qualifier("batchAnswerProducer") Producer<String, byte[]> batchAnswerProducer, KafkaSettings settings,
                    AnswerMetrics metrics) {
        this.singles = answerProducer;
        this.batches = batchAnswerProducer;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Returns once the broker acknowledged the answer; throws {@link PublishFailedException} otherwise. */
    public void publish(AnswerRecorded answer) {
        long start = System.nanoTime();
        await(singles.send(record(answer),
                (metadata, failure) -> metrics.produced(Duration.ofNanos(System.nanoTime() - start), failure == null, AnswerMetrics.Produce.SINGLE)));
    }

    /**
     * Hands one answer of several to the batching producer without waiting; pair with {@link #await} to learn its fate.
     * The caller times the group ({@link AnswerMetrics.Produce#GROUP}): a timer sample per answer, on the producer's
     * one network thread, was a fifth of that thread's work in a batch.
     */
    public Future<RecordMetadata> send(AnswerRecorded answer) {
        return batches.send(record(answer));
    }

    private static ProducerRecord<String, byte[]> record(AnswerRecorded answer) {
        byte[] value = Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
        return new ProducerRecord<>(Topics.ANSWERS_NAME, answer.learnerId(), value);
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
