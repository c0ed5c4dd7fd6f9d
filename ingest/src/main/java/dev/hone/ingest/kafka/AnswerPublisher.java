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

    /** A new group of answers produced together (a batch, an xAPI statement list) through the batching producer. */
    public Group group() {
        return new Group();
    }

    /**
     * Answers sent together and timed as one ({@link AnswerMetrics.Produce#GROUP}), from the first send to
     * {@link #settled}: a timer sample per answer, on the producer's one network thread, was a fifth of that thread's
     * work in a batch. Not thread-safe: one per request.
     */
    public final class Group {
        private long firstSend;

        private Group() {
        }

        /** Hands one answer to the batching producer without waiting; pair with {@link #await} to learn its fate. */
        public Future<RecordMetadata> send(AnswerRecorded answer) {
            if (firstSend == 0) {
                firstSend = System.nanoTime();
            }
            return batches.send(record(answer));
        }

        /** The group's acknowledgements are all in ({@code ok}), or one failed: one sample, none for a group that sent nothing. */
        public void settled(boolean ok) {
            if (firstSend != 0) {
                metrics.produced(Duration.ofNanos(System.nanoTime() - firstSend), ok, AnswerMetrics.Produce.GROUP);
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(AnswerRecorded answer) {
        byte[] value = Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
        return new ProducerRecord<>(Topics.ANSWERS_NAME, answer.learnerId(), value);
    }

    /** Waits for the broker's acknowledgement of a {@link Group#send}. */
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
