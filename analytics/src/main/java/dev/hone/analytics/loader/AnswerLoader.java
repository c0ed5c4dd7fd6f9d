package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.Migrations;
import dev.hone.catalog.Catalog;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.KafkaClientProperties;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.function.Predicate;

/**
 * Kafka -> ClickHouse for answers and mastery changes. Batches by size and by time, inserts a
 * batch, and commits its offsets only after ClickHouse acknowledged it. Exactly once:
 * <ul>
 *   <li>a redelivered batch: every row carries its partition and offset, and the owner of a
 *       partition starts after the highest offset ClickHouse holds, so a crash between insert and
 *       commit inserts nothing twice;</li>
 *   <li>a resent event (same eventId at a new offset): dropped by {@link SeenEvents}, seeded from
 *       ClickHouse when a partition is assigned.</li>
 * </ul>
 * While ClickHouse is down it keeps the batch, pauses fetching, retries with back-off and reports
 * itself unhealthy; it catches up when ClickHouse returns.
 */
@Component
public class AnswerLoader extends ConsumerWorker {

    private static final Logger log = LoggerFactory.getLogger(AnswerLoader.class);
    /** How many maxBatchWaits a batch may wait for a backlog to fill it. */
    private static final int CATCH_UP_WAIT_FACTOR = 4;

    private final LoaderSettings settings;
    private final KafkaClientProperties client;
    private final AnswerRows answers;
    private final MasteryRows mastery;
    private final Migrations migrations;
    private final LoaderHealth health;
    private final Counter loaded;
    private final Counter resent;
    private final Counter unreadable;
    private final SeenEvents seen;
    private final ErasedLearners erased;
    private final Counter ofErased;
    private final RecordDecoder decoder;
    // consumer thread only: the batch being filled, a spare, and the one the insert thread stores
    private LoaderBatch filling = new LoaderBatch();
    private LoaderBatch spare = new LoaderBatch();
    private LoaderBatch inFlight;
    private Future<Boolean> inFlightResult;
    private final ExecutorService inserter = Executors.newSingleThreadExecutor(r -> new Thread(r, "answer-inserter"));

    AnswerLoader(LoaderSettings settings, KafkaClientProperties client, AnswerRows answers, MasteryRows mastery,
                 Migrations migrations, LoaderHealth health, ErasedLearners erased, Catalog catalog, MeterRegistry meters) {
        this.settings = settings;
        this.client = client;
        this.answers = answers;
        this.mastery = mastery;
        this.migrations = migrations;
        this.health = health;
        this.loaded = meters.counter("hone.loader.rows");
        this.resent = meters.counter("hone.loader.resent");
        this.unreadable = meters.counter("hone.loader.unreadable");
        this.seen = new SeenEvents(settings.resendWindow());
        this.erased = erased;
        this.decoder = new RecordDecoder(id -> catalog.question(id).isPresent());
        this.ofErased = meters.counter("hone.loader.erased");
    }

    @Override
    public void start() {
        migrations.apply();
        if (!settings.enabled()) {
            log.info("hone.loader.enabled=false: serving dashboards only, consuming nothing");
            return;
        }
        launch(() -> new KafkaConsumer<>(consumerConfig(settings, client), new StringDeserializer(), new ByteArrayDeserializer()),
                "answer-loader", health);
    }

    @Override
    public void stop() {
        super.stop();
        inserter.shutdownNow();
        decoder.close();
    }

    /** Manual commits after the insert and read_committed: only what the recommender's transactions committed is stored. */
    static Map<String, Object> consumerConfig(LoaderSettings settings, KafkaClientProperties client) {
        return client.applyTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(settings.batchSize(), 10_000)));
    }

    @Override
    protected void run(KafkaConsumer<String, byte[]> c) {
        abandonBatches(); // a fresh consumer after a failure starts from what ClickHouse and Kafka hold
        c.subscribe(List.of(Topics.ANSWERS_NAME, Topics.MASTERY_NAME), new ResumeFromClickHouse(c));
        while (running()) {
            ConsumerRecords<String, byte[]> polled = c.poll(Duration.ofMillis(100));
            if (!polled.isEmpty()) {
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                polled.forEach(records::add);
                Object[] values = decoder.decode(records);
                for (int i = 0; i < values.length; i++) {
                    add(filling, records.get(i), values[i]);
                }
            }
            if (inFlightResult != null && inFlightResult.isDone()) {
                awaitInFlight(c); // commits as soon as ClickHouse acknowledged
            }
            if (readyToInsert(c)) {
                handOver(c);
            }
        }
        handOver(c);
        awaitInFlight(c);
    }

    /**
     * A batch waits at most maxBatchWait while ClickHouse is idle; while it is busy with the
     * previous batch this one keeps growing (up to batchSize): bigger inserts under load. While
     * the consumer is behind by at least the rest of a batch (a catch-up), a batch goes when full
     * (or after {@link #CATCH_UP_WAIT_FACTOR} x maxBatchWait): reading the backlog takes less time
     * than ClickHouse spends on smaller inserts, whose parts and merges in every monthly partition
     * of the answers table and its views cost it 9.6 s of CPU per 1M rows as 24 inserts against
     * 6.1 s as 10 (measured on 18.16 here), and ClickHouse was the loader's bottleneck.
     */
    private boolean readyToInsert(KafkaConsumer<String, byte[]> c) {
        if (filling.size() >= settings.batchSize()) {
            return true;
        }
        if (inFlight != null || !filling.isOlderThan(settings.maxBatchWait())) {
            return false;
        }
        return filling.isOlderThan(settings.maxBatchWait().multipliedBy(CATCH_UP_WAIT_FACTOR))
                || backlog(c) < settings.batchSize() - filling.size();
    }

    /** Records on the assigned partitions not yet read, as far as the last fetches tell (unknown counts as none). */
    private static long backlog(KafkaConsumer<String, byte[]> c) {
        long behind = 0;
        for (TopicPartition tp : c.assignment()) {
            behind += c.currentLag(tp).orElse(0);
        }
        return behind;
    }

    /** Forgets what a failed consumer had read: its partitions' next owner reads it again from the stored position. */
    private void abandonBatches() {
        if (inFlightResult != null) {
            try {
                inFlightResult.get(); // lets an insert under way finish, so the resume point includes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            } catch (ExecutionException e) {
                log.warn("abandoned insert failed: {}", e.getCause().getMessage());
            }
            inFlight.restart();
            inFlight = null;
            inFlightResult = null;
        }
        filling.restart();
        spare.restart();
    }

    /** Adds a decoded record ({@link RecordDecoder}: an answer, a mastery change, or null to skip) in offset order. */
    private void add(LoaderBatch batch, ConsumerRecord<String, byte[]> record, Object value) {
        batch.advance(record);
        if (value instanceof AnswerRecorded a) {
            if (seen.firstTime(record.partition(), a.eventId(), a.answeredAt())) {
                batch.answers().add(a, record.partition(), record.offset());
            } else {
                resent.increment();
            }
        } else if (value instanceof MasteryChanged m) {
            batch.mastery().add(new MasteryRows.Row(m, record.partition(), record.offset()));
        } else {
            // the recommender routes unreadable records to the dead-letter topic; the loader only skips them
            unreadable.increment();
        }
    }

    /**
     * Starts inserting the filled batch on the insert thread, after the previous one was stored
     * and committed: parsing the next batch overlaps with ClickHouse storing this one.
     */
    private void handOver(KafkaConsumer<String, byte[]> c) {
        if (filling.isEmpty()) {
            filling.restart();
            return;
        }
        awaitInFlight(c);
        LoaderBatch batch = filling;
        filling = spare;
        spare = batch;
        inFlight = batch;
        inFlightResult = inserter.submit(() -> insertUntilStored(batch));
    }

    /**
     * Waits for the batch being inserted, then commits its offsets. Meanwhile fetching is
     * paused but the consumer keeps polling, so it stays in the group while ClickHouse is down.
     */
    private void awaitInFlight(KafkaConsumer<String, byte[]> c) {
        if (inFlight == null) {
            return;
        }
        Collection<TopicPartition> paused = List.of();
        try {
            while (true) {
                try {
                    if (!inFlightResult.get(paused.isEmpty() ? 2_000 : 200, TimeUnit.MILLISECONDS)) {
                        return; // stopping: offsets stay uncommitted, the next owner resumes from ClickHouse
                    }
                    break;
                } catch (TimeoutException slow) {
                    if (paused.isEmpty()) {
                        paused = c.assignment();
                        c.pause(paused);
                    }
                    c.poll(Duration.ZERO);
                }
            }
            commit(c, inFlight.nextOffsets());
            loaded.increment(inFlight.size());
            seen.expire(Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("insert thread failed", e.getCause());
        } finally {
            if (!paused.isEmpty()) {
                c.resume(paused);
            }
            inFlight.restart();
            inFlight = null;
            inFlightResult = null;
        }
    }

    /**
     * A commit that fails (the broker away, a rebalance) loses nothing: the rows are in ClickHouse
     * with their offsets, and whoever owns the partitions next resumes after them.
     */
    private static void commit(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            c.commitSync(offsets);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("offset commit failed ({}); ClickHouse holds the rows and their offsets, so the next commit or owner takes over",
                    e.getMessage());
        }
    }

    /** On the insert thread: retries with back-off until ClickHouse accepts; false when stopping. */
    private boolean insertUntilStored(LoaderBatch batch) throws InterruptedException {
        Duration backoff = settings.retryBackoff();
        while (!insert(batch)) {
            if (!running()) {
                return false;
            }
            backOff(backoff); // ends at once on stop: the consumer thread may be waiting for this insert
            backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
        }
        health.ok();
        if (settings.haltAfterInsert()) {
            log.warn("hone.loader.halt-after-insert: halting between insert and commit, as the crash test asks");
            Runtime.getRuntime().halt(3);
        }
        return true;
    }

    /** One attempt; each table is inserted at most once per batch, so a retry after a partial failure doubles nothing. */
    private boolean insert(LoaderBatch batch) {
        Lock noErasureMeanwhile = erased.insertLock();
        noErasureMeanwhile.lock();
        try {
            dropErased(batch);
            if (!batch.answersStored()) {
                if (!batch.answers().isEmpty()) {
                    answers.insert(batch.answers());
                }
                batch.answersStored(true);
            }
            if (!batch.mastery().isEmpty()) {
                mastery.insert(batch.mastery());
            }
            return true;
        } catch (SQLException e) {
            health.failed("insert failed: " + e.getMessage());
            log.warn("ClickHouse insert of {} rows failed ({}); retrying", batch.size(), e.getMessage());
            return false;
        } finally {
            noErasureMeanwhile.unlock();
        }
    }

    /** Rows of learners erased after they were recorded: in flight at the erasure, or read again. */
    private void dropErased(LoaderBatch batch) {
        if (erased.none()) {
            return;
        }
        Predicate<ErasedLearners.Row> isErased = erased.erasedFilter();
        int before = batch.size();
        batch.answers().removeIf((learner, partition, at) -> isErased.test(new ErasedLearners.Row(learner, at)));
        batch.mastery().removeIf(r -> isErased.test(new ErasedLearners.Row(r.change().learnerId(), r.change().at())));
        ofErased.increment(before - batch.size());
    }

    /** Asks ClickHouse until it answers: consuming without knowing where it stands could insert rows twice. */
    private <T> T fromClickHouse(String what, SqlCall<T> call) {
        Duration backoff = settings.retryBackoff();
        while (true) {
            try {
                return call.run();
            } catch (SQLException e) {
                health.failed("cannot read " + what + " from ClickHouse: " + e.getMessage());
                log.warn("cannot read {} from ClickHouse ({}); retrying in {} ms", what, e.getMessage(), backoff.toMillis());
                if (!running()) {
                    throw new WakeupException();
                }
                backOff(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** On assignment, skips what ClickHouse already holds and learns the event ids it stored recently. */
    private final class ResumeFromClickHouse implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> consumer;

        ResumeFromClickHouse(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // what is being inserted is finished and committed; rows not yet handed over are
            // re-read by the partitions' next owner from the committed offset
            awaitInFlight(consumer);
            filling.dropPartitions(partitions);
            partitions.stream().filter(tp -> tp.topic().equals(Topics.ANSWERS_NAME)).forEach(tp -> seen.forget(tp.partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            fromClickHouse("erased learners", () -> {
                erased.reload();
                return null;
            });
            Map<Integer, Long> storedAnswers = fromClickHouse("the answers' position", answers::highestOffsets);
            Map<Integer, Long> storedMastery = fromClickHouse("the mastery position", mastery::highestOffsets);
            Set<Integer> answerPartitions = new HashSet<>();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                boolean isAnswers = tp.topic().equals(Topics.ANSWERS_NAME);
                if (isAnswers) {
                    answerPartitions.add(tp.partition());
                }
                Long highest = (isAnswers ? storedAnswers : storedMastery).get(tp.partition());
                OffsetAndMetadata done = committed.get(tp);
                if (highest != null && (done == null || done.offset() <= highest)) {
                    consumer.seek(tp, highest + 1);
                    log.info("{}: resuming after offset {} found in ClickHouse", tp, highest);
                }
            }
            if (!answerPartitions.isEmpty()) {
                answerPartitions.forEach(seen::forget);
                fromClickHouse("recent event ids", () -> {
                    answers.recentEventIds(seen.windowStart(Instant.now()), id -> {
                        if (answerPartitions.contains(id.partition())) {
                            seen.remember(id.partition(), id.eventId(), id.day());
                        }
                    });
                    return null;
                });
            }
            health.ok();
        }
    }
}
