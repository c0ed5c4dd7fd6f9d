package dev.hone.analytics.loader;

import dev.hone.events.AnswerChecks;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Reads the JSON of a poll's records and applies the answer rule, half of a large poll on a
 * helper thread. Under the loader benchmark the consumer thread was the loader's bottleneck and
 * JSON took half of it; reading is stateless, so it splits by record, while everything that
 * depends on order (offsets, the resent-event check, the batch) stays on the consumer thread.
 */
final class RecordDecoder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordDecoder.class);
    /** Below this a poll is read on the consumer thread alone: handing over would cost more than it saves. */
    private static final int SPLIT_FROM = 256;

    private final Predicate<String> knownQuestion;
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "answer-decoder");
        t.setDaemon(true); // holds no state: nothing to finish when the JVM ends
        return t;
    });

    RecordDecoder(Predicate<String> knownQuestion) {
        this.knownQuestion = knownQuestion;
    }

    /**
     * One value per record, in order: a valid {@link AnswerRecorded} or {@link MasteryChanged},
     * or null for a record that is unreadable or fails the rule (the recommender dead-letters
     * those; the loader skips them).
     */
    Object[] decode(List<ConsumerRecord<String, byte[]>> records) {
        Object[] values = new Object[records.size()];
        if (records.size() < SPLIT_FROM) {
            decode(records, values, 0, records.size());
            return values;
        }
        int half = records.size() / 2;
        Future<?> second = helper.submit(() -> decode(records, values, half, records.size()));
        decode(records, values, 0, half);
        try {
            second.get(); // also publishes the helper's writes to this thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding records failed", e.getCause());
        }
        return values;
    }

    private void decode(List<ConsumerRecord<String, byte[]>> records, Object[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = decode(records.get(i));
        }
    }

    private Object decode(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(Topics.ANSWERS_NAME)) {
                AnswerRecorded a = Topics.ANSWERS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                // the rule the recommender applies: what it dead-letters is not counted here either
                return AnswerChecks.problemWith(record.key(), a, knownQuestion) == null ? a : null;
            }
            MasteryChanged m = Topics.MASTERY.valueSerde().deserializer().deserialize(record.topic(), record.value());
            return m != null && m.learnerId() != null && m.topicId() != null && m.at() != null ? m : null;
        } catch (SerializationException e) {
            log.debug("unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return null;
        }
    }

    @Override
    public void close() {
        helper.shutdownNow();
    }
}
