package dev.hone.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;

/**
 * An event written with Jackson's streaming generator on the events' JSON settings ({@link EventJson}).
 * Each thread keeps one generator over one growing buffer and writes event after event with it,
 * the buffer emptied after each: setting up a generator (its context, buffers and output) for every
 * event was a third of writing a mastery event, which the recommender does for every answer.
 */
final class JsonBytes {

    /** The fields of one event, written between its braces. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static final ThreadLocal<Writer> WRITERS = new ThreadLocal<>();

    private JsonBytes() {
    }

    /** {@code fields} as one JSON object; a failure names the type and topic, as {@link JsonSerde} does. */
    static byte[] object(Class<?> type, String topic, int sizeHint, Fields fields) {
        try {
            Writer writer = WRITERS.get();
            if (writer == null) {
                writer = new Writer();
                WRITERS.set(writer);
            } else if (writer.busy) {
                return once(sizeHint, fields); // an event written while writing another (a cached part of an answer)
            }
            return writer.write(fields);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }

    private static byte[] once(int sizeHint, Fields fields) throws IOException {
        try (var bytes = new ByteArrayBuilder(sizeHint); JsonGenerator g = EventJson.mapper().getFactory().createGenerator(bytes)) {
            writeObject(g, fields);
            return bytes.toByteArray();
        }
    }

    /** {@code fields} between braces, flushed to the generator's output. */
    private static void writeObject(JsonGenerator g, Fields fields) throws IOException {
        g.writeStartObject();
        fields.write(g);
        g.writeEndObject();
        g.flush();
    }

    /** One thread's generator; its events are root-level values written one after another with no separator. */
    private static final class Writer {
        private final ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        private final JsonGenerator generator;
        private boolean busy;

        Writer() throws IOException {
            generator = EventJson.mapper().getFactory().createGenerator(bytes);
            generator.setRootValueSeparator(null); // Jackson puts a space between root values by default
        }

        byte[] write(Fields fields) throws IOException {
            busy = true;
            boolean written = false;
            try {
                writeObject(generator, fields);
                byte[] out = bytes.toByteArray();
                written = true;
                return out;
            } finally {
                bytes.reset();
                busy = false;
                if (!written) {
                    // whatever stopped the event (an exception, an Error), the generator holds part of it: the
                    // thread's next event gets a new one
                    WRITERS.remove();
                }
            }
        }
    }
}
