package dev.hone.ingest.support;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import dev.hone.testkit.Engines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** What reached {@code hone.answers.v1} on the real broker between two moments (end offsets). */
public final class AnswerTopic {

    private AnswerTopic() {
    }

    /** The current end of every partition. */
    public static Map<TopicPartition, Long> endOffsets() {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANSWERS_NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }

    /** Every record between {@code from} and {@code to}, read to the end of each partition. */
    public static List<AnswerRecorded> between(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        List<AnswerRecorded> seen = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.assign(to.keySet());
            to.keySet().forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            await("the answers topic read up to " + to).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        seen.add(r.value());
                    }
                });
                return to.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return seen;
    }

    private static KafkaConsumer<String, AnswerRecorded> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), Topics.ANSWERS.valueSerde().deserializer());
    }
}
