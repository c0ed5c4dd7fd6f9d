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
import java.util.BitSet;
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
     * Answers sent together, acknowledged together and timed as one ({@link AnswerMetrics.Produce#GROUP}, from the first
     * send until all are in): a timer sample per answer, on the producer's one network thread, was a fifth of that
     * thread's work in a batch, and a request thread waiting on each answer's future in turn woke once per producer
     * batch of the request and spun in each wake (4% of the batch path). Each answer's callback marks it; the request
     * thread waits once. One per request: {@link #send} and {@link #awaitAll} belong to the request's thread.
     */
    public final class Group {
        /** The tickets the broker acknowledged without error. */
        private final BitSet stored = new BitSet();
        private long firstSend;
        private int sent;
        private int done;
        /** Set by the first answer that failed (refused, or not sent in time): none failed while it is null. */
        private Exception firstFailure;
        private boolean interrupted;

        private Group() {
        }

        /**
         * Hands one answer to the batching producer without waiting; its ticket tells {@link #stored} which it was.
         * Once the group's produce timeout (from its first send) has passed, for instance because sends blocked on a
         * full producer buffer, the rest are marked not stored without being sent; a send the producer refuses at once
         * (closed, interrupted) is marked not stored too, so each answer gets its own outcome.
         */
        public int send(AnswerRecorded answer) {
            ProducerRecord<String, byte[]> record = record(answer);
            int ticket;
            boolean late;
            synchronized (this) {
                if (sent == 0) {
                    firstSend = System.nanoTime();
                }
                ticket = sent++;
                late = System.nanoTime() - firstSend > settings.produceTimeout().toNanos();
            }
            if (late) {
                acknowledge(ticket, new TimeoutException("the group's produce timeout " + settings.produceTimeout() + " passed before this answer was sent"));
                return ticket;
            }
            try {
                batches.send(record, (metadata, failure) -> acknowledge(ticket, failure));
            } catch (RuntimeException e) { // no callback follows a send that throws
                acknowledge(ticket, e);
            }
            return ticket;
        }

        private synchronized void acknowledge(int ticket, Exception failure) {
            if (failure == null) {
                stored.set(ticket);
            } else if (firstFailure == null) {
                firstFailure = failure;
            }
            if (++done == sent) {
                notifyAll();
            }
        }

        /**
         * Waits until every answer sent has its outcome from the broker, or the produce timeout from the group's first
         * send passed (what is not in by then counts as not stored), and records the group's one produce sample (none
         * if nothing was sent). Returns whether all were stored.
         */
        public boolean awaitAll() {
            boolean ok;
            synchronized (this) {
                if (sent == 0) {
                    return true;
                }
                long deadline = firstSend + settings.produceTimeout().toNanos();
                try {
                    for (long left = deadline - System.nanoTime(); done < sent && left > 0; left = deadline - System.nanoTime()) {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // what is not in yet counts as not stored
                    Thread.currentThread().interrupt();
                }
                ok = done == sent && firstFailure == null;
            }
            // outside the monitor: a late callback on the producer's network thread need not wait for the meter
            metrics.produced(Duration.ofNanos(System.nanoTime() - firstSend), ok, AnswerMetrics.Produce.GROUP);
            return ok;
        }

        /** After {@link #awaitAll}: whether the broker acknowledged the answer of this ticket. */
        public synchronized boolean stored(int ticket) {
            return stored.get(ticket);
        }

        /** After {@link #awaitAll} returned false: why, as {@link #publish} would have thrown it. */
        public synchronized PublishFailedException failure() {
            if (firstFailure != null) {
                return new PublishFailedException("Kafka did not acknowledge the answer", firstFailure);
            }
            return new PublishFailedException(interrupted ? "interrupted while producing"
                    : "Kafka did not acknowledge the answers in " + settings.produceTimeout(), null);
        }
    }

    private static ProducerRecord<String, byte[]> record(AnswerRecorded answer) {
        byte[] value = Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
        return new ProducerRecord<>(Topics.ANSWERS_NAME, answer.learnerId(), value);
    }

    /** Waits for the broker's acknowledgement of one send. */
    private void await(Future<RecordMetadata> sent) {
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
