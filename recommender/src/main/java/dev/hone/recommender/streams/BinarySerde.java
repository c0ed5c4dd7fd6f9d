package dev.hone.recommender.streams;

import dev.hone.events.AbstractSerde;
import dev.hone.events.ItemStatistics;
import dev.hone.events.JsonSerde;
import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemAnswerCodec;
import dev.hone.recommender.item.ItemDelta;
import dev.hone.recommender.item.ItemDeltaCodec;
import dev.hone.recommender.item.ItemStatisticsCodec;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerStateCodec;

import org.apache.kafka.common.serialization.Deserializer;

import java.util.function.Function;

/**
 * The serde of the recommender's own records (learner state, item deltas and the single re-keyed
 * answers older versions sent, item statistics in its stores): writes their binary form and reads it or the JSON they were written as before,
 * told apart by the first byte (the binary version, or '{'), so stores, changelogs and re-key
 * topics written by an older version read on after an upgrade. The forms are plain Java
 * ({@link LearnerStateCodec}, {@link ItemAnswerCodec}, {@link ItemStatisticsCodec}).
 */
public final class BinarySerde<T> extends AbstractSerde<T> {

    private final int version;
    private final Function<T, byte[]> encode;
    private final Function<byte[], T> decode;
    private final JsonSerde<T> json;

    private BinarySerde(Class<T> type, int version, Function<T, byte[]> encode, Function<byte[], T> decode) {
        super(type);
        this.version = version;
        this.encode = encode;
        this.decode = decode;
        this.json = JsonSerde.of(type);
    }

    public static BinarySerde<LearnerState> learnerState() {
        return new BinarySerde<>(LearnerState.class, LearnerStateCodec.VERSION, LearnerStateCodec::encode, LearnerStateCodec::decode);
    }

    public static BinarySerde<ItemAnswer> itemAnswer() {
        var codec = new ItemAnswerCodec();
        return new BinarySerde<>(ItemAnswer.class, ItemAnswerCodec.VERSION, codec::encode, codec::decode);
    }

    /** A learner task's pending answers to one question (its store, and the item side's re-key topic). */
    public static BinarySerde<ItemDelta> itemDelta() {
        var codec = new ItemDeltaCodec();
        return new BinarySerde<>(ItemDelta.class, ItemDeltaCodec.FORMAT, codec::encode, codec::decode);
    }

    /**
     * What the item side reads from its re-key topic: a delta, or a single answer (binary or JSON)
     * an older version wrote there before the upgrade, as a delta of one.
     */
    public static Deserializer<ItemDelta> itemInput() {
        BinarySerde<ItemDelta> deltas = itemDelta();
        BinarySerde<ItemAnswer> answers = itemAnswer();
        return (topic, data) -> {
            if (data != null && data.length > 0 && (data[0] & 0xFF) == ItemDeltaCodec.FORMAT) {
                return deltas.deserialize(topic, data);
            }
            ItemAnswer answer = answers.deserialize(topic, data);
            return answer == null ? null : ItemDelta.of(answer);
        };
    }

    public static BinarySerde<ItemStatistics> itemStatistics() {
        var codec = new ItemStatisticsCodec();
        return new BinarySerde<>(ItemStatistics.class, ItemStatisticsCodec.VERSION, codec::encode, codec::decode);
    }

    @Override
    protected byte[] write(String topic, T value) {
        return encode.apply(value);
    }

    @Override
    protected T read(String topic, byte[] data) {
        if (data.length == 0) {
            throw unreadable(topic, "the value is empty", null);
        }
        int first = data[0] & 0xFF;
        if (first == '{' || Character.isWhitespace(first)) {
            return json.deserialize(topic, data);
        }
        if (first != version) {
            throw unreadable(topic, "format byte " + first + " is neither JSON ('{') nor binary version " + version, null);
        }
        try {
            return decode.apply(data);
        } catch (IllegalArgumentException e) {
            throw unreadable(topic, e.getMessage(), null);
        }
    }
}
