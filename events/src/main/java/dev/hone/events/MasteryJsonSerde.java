package dev.hone.events;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The serde of {@link MasteryChanged}: written straight to bytes when its strings are plain ASCII
 * ({@link MasteryBytesWriter}), else on Jackson's streaming API (the recommender writes one per topic of every answer,
 * and data binding them was 6% of its stream thread), read by data binding. The bytes are the
 * {@link JsonSerde}'s, byte for byte: every field in the record's order, a null written as null.
 */
public final class MasteryJsonSerde extends AbstractSerde<MasteryChanged> {

    // field names with their JSON bytes made once, as in AnswerJsonSerde
    private static final SerializableString SCHEMA = new SerializedString("schema");
    private static final SerializableString LEARNER_ID = new SerializedString("learnerId");
    private static final SerializableString TOPIC_ID = new SerializedString("topicId");
    private static final SerializableString MASTERY = new SerializedString("mastery");
    private static final SerializableString ANSWERS = new SerializedString("answers");
    private static final SerializableString CORRECT = new SerializedString("correct");
    private static final SerializableString CAUSED_BY = new SerializedString("causedBy");
    private static final SerializableString AT = new SerializedString("at");

    private final JsonSerde<MasteryChanged> reference = JsonSerde.of(MasteryChanged.class);

    public MasteryJsonSerde() {
        super(MasteryChanged.class);
    }

    @Override
    protected byte[] write(String topic, MasteryChanged m) {
        byte[] plain = MasteryBytesWriter.write(m);
        if (plain != null) {
            return plain;
        }
        String at = m.at() == null ? null : UtcInstantText.format(m.at());
        if (m.at() != null && at == null) {
            return reference.serialize(topic, m); // a year outside 0000-9999: the JavaTimeModule's text
        }
        return JsonBytes.object(MasteryChanged.class, topic, 160, g -> {
            g.writeFieldName(SCHEMA);
            g.writeNumber(m.schema());
            g.writeFieldName(LEARNER_ID);
            g.writeString(m.learnerId());
            g.writeFieldName(TOPIC_ID);
            g.writeString(m.topicId());
            g.writeFieldName(MASTERY);
            g.writeNumber(m.mastery());
            g.writeFieldName(ANSWERS);
            g.writeNumber(m.answers());
            g.writeFieldName(CORRECT);
            g.writeNumber(m.correct());
            g.writeFieldName(CAUSED_BY);
            g.writeString(m.causedBy());
            g.writeFieldName(AT);
            g.writeString(at);
        });
    }

    @Override
    protected MasteryChanged read(String topic, byte[] data) {
        return reference.deserialize(topic, data);
    }
}
