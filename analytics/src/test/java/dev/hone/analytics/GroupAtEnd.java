package dev.hone.analytics;

import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts a test's consumer groups at the current end of Hone's topics, so a test loads only what
 * it produces itself, however much earlier tests (or benchmarks) left on the shared broker.
 */
final class GroupAtEnd {

    private GroupAtEnd() {
    }

    static void prepare(String bootstrap, String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicProvisioner(3, (short) 1).ensure(admin, Topics.ALL);
            commitEnd(admin, group, List.of(Topics.ANSWERS_NAME, Topics.MASTERY_NAME));
            commitEnd(admin, group + "-learners", List.of(Topics.LEARNERS_NAME));
        } catch (Exception e) {
            throw new IllegalStateException("cannot position the test's consumer group " + group, e);
        }
    }

    private static void commitEnd(Admin admin, String group, List<String> topics) throws Exception {
        var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((tp, info) -> end.put(tp, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, end).all().get();
    }
}
