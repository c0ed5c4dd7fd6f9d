package dev.hone.events;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;

/**
 * JSON serde for event records. A record that cannot be read throws
 * {@link SerializationException}, which the consumers route to the dead-letter topic.
 */
public final class JsonSerde<T> extends AbstractSerde<T> {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        super(type);
        this.reader = EventJson.mapper().readerFor(type);
        this.writer = EventJson.mapper().writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    protected byte[] write(String topic, T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type().getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    protected T read(String topic, byte[] data) {
        try {
            return reader.readValue(data);
        } catch (IOException e) {
            throw unreadable(topic, describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JacksonException je ? je.getOriginalMessage() : e.getMessage();
    }
}
