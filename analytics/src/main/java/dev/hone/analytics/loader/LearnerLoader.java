package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.events.KafkaClientProperties;
import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * hone.learners.v1 -> the {@code learners} dimension. The latest profile per learner wins
 * (ReplacingMergeTree with the Kafka offset as version), so replaying is harmless and this
 * consumer is at-least-once by design; a tombstone erases the learner's rows everywhere.
 */
@Component
class LearnerLoader extends ConsumerWorker {

    private static final Logger log = LoggerFactory.getLogger(LearnerLoader.class);
    private static final String INSERT = SqlFile.load("loader/insert_learners.sql");

    private final LoaderSettings settings;
    private final KafkaClientProperties client;
    private final DataSource clickHouse;
    private final LearnerErasure erasure;
    private final AnswerLoader answers;
    private final LoaderHealth health;

    LearnerLoader(LoaderSettings settings, KafkaClientProperties client, DataSource clickHouse, LearnerErasure erasure,
                  AnswerLoader answers, LoaderHealth health) {
        this.settings = settings;
        this.client = client;
        this.clickHouse = clickHouse;
        this.erasure = erasure;
        this.answers = answers;
        this.health = health;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        launch(() -> new KafkaConsumer<>(consumerConfig(settings, client), new StringDeserializer(), new ByteArrayDeserializer()),
                "learner-loader", health);
    }

    static Map<String, Object> consumerConfig(LoaderSettings settings, KafkaClientProperties client) {
        return client.applyTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId() + "-learners",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    }

    @Override
    public int getPhase() {
        return answers.getPhase() + 1; // after the answer loader, which applies the migrations
    }


    @Override
    protected void run(KafkaConsumer<String, byte[]> c) {
        c.subscribe(List.of(Topics.LEARNERS_NAME));
        while (running()) {
            ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                continue;
            }
            Duration backoff = settings.retryBackoff();
            while (!apply(records)) {
                backOff(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
                if (!running()) {
                    return;
                }
            }
            // replaying profiles is harmless (the latest version wins), so a failed commit only means re-reading them
            try {
                c.commitSync();
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (KafkaException e) {
                log.warn("profile offset commit failed ({}); they are read again, harmlessly", e.getMessage());
            }
        }
    }

    /** Profiles in order; pending profiles are written before each erasure so the order holds. */
    private boolean apply(ConsumerRecords<String, byte[]> records) {
        var pending = new ArrayList<ConsumerRecord<String, byte[]>>();
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.key() == null) {
                    continue;
                }
                if (r.value() == null) {
                    upsert(pending);
                    erasure.erase(r.key(), Instant.ofEpochMilli(r.timestamp()));
                    log.info("erased learner {} (tombstone at {}-{}@{})", r.key(), r.topic(), r.partition(), r.offset());
                } else {
                    pending.add(r);
                }
            }
            upsert(pending);
            return true;
        } catch (SQLException e) {
            health.failed("learner profiles: " + e.getMessage());
            log.warn("cannot store learner profiles ({}); retrying", e.getMessage());
            return false;
        }
    }

    private void upsert(List<ConsumerRecord<String, byte[]>> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        var tsv = new Tsv();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                LearnerProfile p = Topics.LEARNERS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                tsv.text(r.key()).text(p.cohort()).text(p.track()).text(p.name()).number(r.offset());
                tsv.end();
            } catch (SerializationException e) {
                log.warn("unreadable learner profile at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        StreamInsert.send(clickHouse, INSERT, tsv);
        records.clear();
    }
}
