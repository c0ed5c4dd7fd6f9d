package dev.hone.recommender.streams;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The headers a dead letter carries: why it was rejected and where it came from. */
public final class DeadLetters {

    public static final String REASON = "hone.dlq.reason";
    public static final String SOURCE_TOPIC = "hone.dlq.source.topic";
    public static final String SOURCE_PARTITION = "hone.dlq.source.partition";
    public static final String SOURCE_OFFSET = "hone.dlq.source.offset";

    private DeadLetters() {
    }

    static Headers headers(Headers original, String reason, Optional<RecordMetadata> source) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(REASON, bytes(reason));
        source.ifPresent(meta -> {
            headers.add(SOURCE_TOPIC, bytes(meta.topic()));
            headers.add(SOURCE_PARTITION, bytes(Integer.toString(meta.partition())));
            headers.add(SOURCE_OFFSET, bytes(Long.toString(meta.offset())));
        });
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
