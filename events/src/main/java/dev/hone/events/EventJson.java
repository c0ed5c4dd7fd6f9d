package dev.hone.events;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings of every event: ISO-8601 instants, unknown fields tolerated (forward compatible).
 * Doubles are read and written with Jackson's bundled fast algorithms (FastDoubleParser, Schubfach):
 * the same values, bit for bit, while the JDK's Double.toString and parseDouble were the top frames of
 * the events' JSON in the recommender's profile (every answer, mastery change and item record has several).
 * Instants in the canonical UTC shape are read and written without {@code DateTimeFormatter}
 * ({@link UtcInstantModule}), again the same text and values.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new UtcInstantModule()) // after the JavaTimeModule: its instant handlers come first
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
