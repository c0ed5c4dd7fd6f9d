package dev.hone.ingest.kafka;

import dev.hone.events.AnswerRecorded;
import dev.hone.ingest.metrics.AnswerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookkeeping of a group of answers sent together: which were stored, when the wait ends. The
 * broker's side (acks, outages) is covered against a real broker by the API and fault-suite
 * integration tests; here Kafka's own client-side {@link MockProducer} decides each send's fate.
 */
class AnswerPublisherTests {

    private final MockProducer<String, byte[]> batches = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aGroupIsStoredWhenEveryAnswerWasAcknowledged() throws Exception {
        var group = publisher(Duration.ofSeconds(10)).group();
        List<Integer> tickets = List.of(group.send(answer("e1")), group.send(answer("e2")), group.send(answer("e3")));
        // acknowledged from another thread, as the producer's network thread does, while the request thread waits
        var acks = CompletableFuture.runAsync(() -> {
            while (batches.completeNext()) {
                Thread.onSpinWait();
            }
        });

        assertThat(group.awaitAll()).isTrue();
        acks.get();
        assertThat(tickets).allSatisfy(t -> assertThat(group.stored(t)).isTrue());
        assertThat(registry.get("hone.answers.produce").tag("request", "group").tag("outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void aFailedSendMarksOnlyItsOwnAnswer() {
        var group = publisher(Duration.ofSeconds(10)).group();
        int first = group.send(answer("e1"));
        int second = group.send(answer("e2"));
        int third = group.send(answer("e3"));
        batches.completeNext();
        batches.errorNext(new NotEnoughReplicasException("one replica short"));
        batches.completeNext();

        assertThat(group.awaitAll()).isFalse();
        assertThat(group.stored(first)).isTrue();
        assertThat(group.stored(second)).isFalse();
        assertThat(group.stored(third)).isTrue();
        assertThat(group.failure()).hasCauseInstanceOf(NotEnoughReplicasException.class);
    }

    @Test
    void anAnswerNotAcknowledgedWithinTheProduceTimeoutCountsAsNotStored() {
        var group = publisher(Duration.ofMillis(50)).group();
        int acked = group.send(answer("e1"));
        int pending = group.send(answer("e2"));
        batches.completeNext();

        assertThat(group.awaitAll()).isFalse();
        assertThat(group.stored(acked)).isTrue();
        assertThat(group.stored(pending)).isFalse();
        assertThat(group.failure()).hasMessageContaining("PT0.05S");
    }

    @Test
    void anAnswerDueAfterTheGroupsTimeoutIsNotStoredAndNotSent() {
        var group = publisher(Duration.ofMillis(50)).group();
        group.send(answer("e1"));
        assertThat(group.awaitAll()).isFalse(); // returns once the group's timeout passed

        int late = group.send(answer("e2"));

        assertThat(group.stored(late)).isFalse();
        assertThat(batches.history()).hasSize(1);
    }

    @Test
    void aSendTheProducerRefusesAtOnceIsThatAnswersFailure() {
        var group = publisher(Duration.ofSeconds(10)).group();
        int first = group.send(answer("e1"));
        batches.completeNext();
        batches.close();

        int refused = group.send(answer("e2"));

        assertThat(group.awaitAll()).isFalse(); // at once: every answer has its outcome
        assertThat(group.stored(first)).isTrue();
        assertThat(group.stored(refused)).isFalse();
        assertThat(group.failure()).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGroupThatSentNothingIsStoredAndTimesNothing() {
        var group = publisher(Duration.ofSeconds(10)).group();

        assertThat(group.awaitAll()).isTrue();
        assertThat(registry.find("hone.answers.produce").timers()).allSatisfy(t -> assertThat(t.count()).isZero());
    }

    private AnswerPublisher publisher(Duration produceTimeout) {
        var settings = new KafkaSettings("127.0.0.1:9", 6, (short) 1, produceTimeout, Duration.ZERO, Duration.ofMillis(2));
        var singles = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        return new AnswerPublisher(singles, batches, settings, new AnswerMetrics(registry));
    }

    private static AnswerRecorded answer(String eventId) {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        return new AnswerRecorded(AnswerRecorded.SCHEMA, eventId, "ada", "core.gil.q01", "core.gil", List.of("core.gil"),
                "single-choice", 2, List.of("a"), null, true, 1.0, at, 1200L, at);
    }
}
