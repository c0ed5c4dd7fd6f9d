package dev.hone.bench.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Offsets on the bench broker: how much a topic holds and whether a group has read all of it. */
public final class KafkaTopics implements AutoCloseable {

    private final Admin admin;

    public KafkaTopics(String bootstrap) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    public Admin admin() {
        return admin;
    }

    public Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    public static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True once {@code group} committed every partition up to {@code end}. */
    public boolean caughtUp(String group, Map<TopicPartition, Long> end) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        admin.close();
    }
}
