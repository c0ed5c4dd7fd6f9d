package dev.hone.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;

/** An event written with Jackson's streaming generator on the events' JSON settings ({@link EventJson}). */
final class JsonBytes {

    /** The fields of one event, written between its braces. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonBytes() {
    }

    /** {@code fields} as one JSON object; a failure names the type and topic, as {@link JsonSerde} does. */
    static byte[] object(Class<?> type, String topic, int sizeHint, Fields fields) {
        try (var bytes = new ByteArrayBuilder(sizeHint); JsonGenerator g = EventJson.mapper().getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
            g.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }
}
