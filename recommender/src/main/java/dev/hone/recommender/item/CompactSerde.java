package dev.hone.recommender.item;

import dev.hone.events.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A binary serde for the item side's own records (its re-key topic and its stores, none of them
 * part of the contract): a version byte, then the fields in a fixed order, doubles exact. It still
 * reads the JSON these records were written as before (it begins with '{'), so a topic or store
 * written by an older version reads on. Each item record was written and read as JSON up to four
 * times per answer, the item side's largest cost in the bench's profile.
 */
abstract class CompactSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final int VERSION = 1;

    private final Class<T> type;
    private final JsonSerde<T> json;

    CompactSerde(Class<T> type) {
        this.type = type;
        this.json = JsonSerde.of(type);
    }

    abstract void write(DataOutputStream out, T value) throws IOException;

    abstract T read(Fields in) throws IOException;

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return json.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != VERSION) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic + ": "
                    + (data.length == 0 ? "the value is empty" : "format byte " + (data[0] & 0xFF) + " is neither JSON ('{') nor binary version " + VERSION));
        }
        var in = new Fields(new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1)));
        try {
            T value = read(in);
            if (in.in.available() > 0) {
                throw new IOException("bytes left after the last field");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic + ": field " + in.field
                    + ": " + (e.getMessage() == null ? "the record ends early" : e.getMessage()));
        }
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }
    }

    /** Reads fields by name, so that a record that cannot be read says which field broke. */
    static final class Fields {
        private final DataInputStream in;
        private String field = "(none)";

        Fields(DataInputStream in) {
            this.in = in;
        }

        private DataInputStream at(String name) {
            field = name;
            return in;
        }

        String string(String name) throws IOException {
            return at(name).readBoolean() ? in.readUTF() : null;
        }

        int integer(String name) throws IOException {
            return at(name).readInt();
        }

        long number(String name) throws IOException {
            return at(name).readLong();
        }

        double real(String name) throws IOException {
            return at(name).readDouble();
        }

        boolean flag(String name) throws IOException {
            return at(name).readBoolean();
        }

        Instant instant(String name) throws IOException {
            return at(name).readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // configured by construction
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
