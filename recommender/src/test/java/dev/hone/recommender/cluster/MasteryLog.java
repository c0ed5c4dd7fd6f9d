package dev.hone.recommender.cluster;

import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed mastery records of one test run's learners, as a downstream reader sees them
 * (read_committed: records of a transaction the killed instance never committed stay invisible).
 */
final class MasteryLog implements AutoCloseable {

    private final KafkaConsumer<String, MasteryChanged> consumer;
    private final String learnerPrefix;
    private final List<MasteryChanged> records = new ArrayList<>();

    MasteryLog(String bootstrap, String learnerPrefix) {
        this.learnerPrefix = learnerPrefix;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), Topics.MASTERY.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MASTERY_NAME).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has been committed since the last call; returns how many records of the run there are now. */
    int poll() {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            if (record.key() != null && record.key().startsWith(learnerPrefix)) {
                records.add(record.value());
            }
        }
        return records.size();
    }

    List<MasteryChanged> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
