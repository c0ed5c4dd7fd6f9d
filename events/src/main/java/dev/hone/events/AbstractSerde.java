package dev.hone.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * A serde of one type that is its own serializer and deserializer, configured by construction and
 * holding nothing to release. Null passes through both ways (a tombstone stays a tombstone), so a
 * subclass writes and reads only real values.
 */
public abstract class AbstractSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;

    protected AbstractSerde(Class<T> type) {
        this.type = type;
    }

    /** The bytes of a value that is not null. */
    protected abstract byte[] write(String topic, T value);

    /** The value of bytes that are not null; throws {@link SerializationException} when they cannot be read. */
    protected abstract T read(String topic, byte[] data);

    /** Why {@code topic}'s bytes could not be read, naming the type (the dead-letter record carries this). */
    protected final SerializationException unreadable(String topic, String why, Throwable cause) {
        return new SerializationException("cannot read " + type.getSimpleName() + " from " + topic + ": " + why, cause);
    }

    protected final Class<T> type() {
        return type;
    }

    @Override
    public final byte[] serialize(String topic, T value) {
        return value == null ? null : write(topic, value);
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        return data == null ? null : read(topic, data);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
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
