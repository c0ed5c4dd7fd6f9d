package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.Migrations;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka -> ClickHouse. Batches by size and by time, inserts a batch, and commits its offsets
 * only after ClickHouse acknowledged it. If the process dies between the insert and the
 * commit, the next owner of the partition starts after the highest offset ClickHouse holds,
 * so no row is inserted twice. While ClickHouse is down it keeps the batch, stops fetching,
 * retries with back-off and reports itself unhealthy.
 */
@Component
public class AnswerLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnswerLoader.class);

    private final LoaderSettings settings;
    private final AnswerRows rows;
    private final Migrations migrations;
    private final LoaderHealth health;
    private final Counter loaded;
    private final Counter unreadable;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    AnswerLoader(LoaderSettings settings, AnswerRows rows, Migrations migrations, LoaderHealth health, MeterRegistry meters) {
        this.settings = settings;
        this.rows = rows;
        this.migrations = migrations;
        this.health = health;
        this.loaded = meters.counter("hone.loader.rows");
        this.unreadable = meters.counter("hone.loader.unreadable");
    }

    @Override
    public void start() {
        migrations.apply();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize()),
                new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "answer-loader");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        var batch = new Batch();
        try (KafkaConsumer<String, byte[]> c = consumer) {
            c.subscribe(List.of(Topics.ANSWERS_NAME), new ResumeFromClickHouse(c, batch));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(100))) {
                    batch.add(record);
                }
                if (batch.isFull(settings.batchSize()) || batch.isOlderThan(settings.maxBatchWait())) {
                    flush(c, batch);
                }
            }
            if (!batch.isEmpty()) {
                flush(c, batch);
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("loader woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("loader stopped", e);
            health.failed(e.getMessage());
        }
    }

    /** Inserts until ClickHouse accepts, then commits. Fetching is paused meanwhile. */
    private void flush(KafkaConsumer<String, byte[]> c, Batch batch) {
        if (batch.isEmpty()) {
            batch.restart();
            return;
        }
        Duration backoff = settings.retryBackoff();
        Collection<TopicPartition> paused = List.of();
        while (true) {
            try {
                rows.insert(batch.rows());
                break;
            } catch (SQLException e) {
                health.failed("insert failed: " + e.getMessage());
                log.warn("ClickHouse insert of {} rows failed ({}); retrying in {} ms", batch.size(), e.getMessage(), backoff.toMillis());
                if (paused.isEmpty()) {
                    paused = c.assignment();
                    c.pause(paused);
                }
                c.poll(backoff); // paused: keeps the group membership alive without fetching
                backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
                if (!running) {
                    return;
                }
            }
        }
        c.commitSync(batch.nextOffsets());
        loaded.increment(batch.size());
        health.ok();
        if (!paused.isEmpty()) {
            c.resume(paused);
        }
        batch.restart();
    }

    /** Rows waiting to be inserted, with the offsets to commit after them. */
    private final class Batch {
        private final List<AnswerRows.Row> rows = new ArrayList<>();
        private final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        private long startedAt = System.nanoTime();

        void add(ConsumerRecord<String, byte[]> record) {
            next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            try {
                AnswerRecorded answer = Topics.ANSWERS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                if (answer != null && answer.eventId() != null && answer.learnerId() != null && answer.answeredAt() != null) {
                    rows.add(new AnswerRows.Row(answer, record.partition(), record.offset()));
                    return;
                }
            } catch (SerializationException e) {
                log.debug("unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
            // the recommender routes unreadable records to the dead-letter topic; the loader only skips them
            unreadable.increment();
        }

        List<AnswerRows.Row> rows() {
            return rows;
        }

        int size() {
            return rows.size();
        }

        boolean isEmpty() {
            return rows.isEmpty() && next.isEmpty();
        }

        boolean isFull(int max) {
            return rows.size() >= max;
        }

        boolean isOlderThan(Duration wait) {
            return System.nanoTime() - startedAt >= wait.toNanos();
        }

        Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
            return next;
        }

        void dropPartitions(Collection<TopicPartition> revoked) {
            rows.removeIf(r -> revoked.contains(new TopicPartition(Topics.ANSWERS_NAME, r.partition())));
            revoked.forEach(next::remove);
        }

        void restart() {
            rows.clear();
            next.clear();
            startedAt = System.nanoTime();
        }
    }

    /** Where ClickHouse is, asked until it answers: consuming without knowing could insert rows twice. */
    private Map<Integer, Long> storedPositions() {
        Duration backoff = settings.retryBackoff();
        while (true) {
            try {
                return rows.highestOffsets();
            } catch (SQLException e) {
                health.failed("cannot read the loader's position from ClickHouse: " + e.getMessage());
                log.warn("cannot read positions from ClickHouse ({}); retrying in {} ms", e.getMessage(), backoff.toMillis());
                if (!running) {
                    throw new WakeupException();
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** On assignment, skips what ClickHouse already holds (inserted, but not committed before a crash). */
    private final class ResumeFromClickHouse implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Batch batch;

        ResumeFromClickHouse(KafkaConsumer<String, byte[]> consumer, Batch batch) {
            this.consumer = consumer;
            this.batch = batch;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // rows of revoked partitions are re-read by their next owner from the committed offset
            batch.dropPartitions(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<Integer, Long> stored = storedPositions();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                Long highest = stored.get(tp.partition());
                OffsetAndMetadata done = committed.get(tp);
                if (highest != null && (done == null || done.offset() <= highest)) {
                    consumer.seek(tp, highest + 1);
                    log.info("{}: resuming after offset {} found in ClickHouse", tp, highest);
                }
            }
        }
    }
}
