package dev.hone.analytics.loader;

import dev.hone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows waiting to be inserted, with the offsets to commit after them. */
final class LoaderBatch {

    private final AnswerBlock answers = new AnswerBlock();
    private final List<MasteryRows.Row> mastery = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    private boolean answersStored;
    private long startedAt = System.nanoTime();

    /** Every record read moves the offset to commit, also those dropped as resent or unreadable. */
    void advance(ConsumerRecord<?, ?> record) {
        next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    AnswerBlock answers() {
        return answers;
    }

    List<MasteryRows.Row> mastery() {
        return mastery;
    }

    boolean answersStored() {
        return answersStored;
    }

    void answersStored(boolean stored) {
        answersStored = stored;
    }

    int size() {
        return answers.size() + mastery.size();
    }

    boolean isEmpty() {
        return size() == 0 && next.isEmpty();
    }

    boolean isOlderThan(Duration wait) {
        return System.nanoTime() - startedAt >= wait.toNanos();
    }

    Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        return next;
    }

    void dropPartitions(Collection<TopicPartition> revoked) {
        answers.removeIf((learner, partition, at) -> revoked.contains(new TopicPartition(Topics.ANSWERS_NAME, partition)));
        mastery.removeIf(r -> revoked.contains(new TopicPartition(Topics.MASTERY_NAME, r.partition())));
        revoked.forEach(next::remove);
    }

    void restart() {
        answers.clear();
        mastery.clear();
        next.clear();
        answersStored = false;
        startedAt = System.nanoTime();
    }
}
