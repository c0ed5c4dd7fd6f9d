package dev.hone.events;

/**
 * The serde of {@link MasteryChanged}: written on Jackson's streaming API (the recommender writes one per topic of
 * every answer, and data binding them was 6% of its stream thread), read by data binding. The bytes are the
 * {@link JsonSerde}'s, byte for byte: every field in the record's order, a null written as null.
 */
public final class MasteryJsonSerde extends AbstractSerde<MasteryChanged> {

    private final JsonSerde<MasteryChanged> reference = JsonSerde.of(MasteryChanged.class);

    public MasteryJsonSerde() {
        super(MasteryChanged.class);
    }

    @Override
    protected byte[] write(String topic, MasteryChanged m) {
        String at = m.at() == null ? null : UtcInstantText.format(m.at());
        if (m.at() != null && at == null) {
            return reference.serialize(topic, m); // a year outside 0000-9999: the JavaTimeModule's text
        }
        return JsonBytes.object(MasteryChanged.class, topic, 160, g -> {
            g.writeNumberField("schema", m.schema());
            g.writeStringField("learnerId", m.learnerId());
            g.writeStringField("topicId", m.topicId());
            g.writeNumberField("mastery", m.mastery());
            g.writeNumberField("answers", m.answers());
            g.writeNumberField("correct", m.correct());
            g.writeStringField("causedBy", m.causedBy());
            g.writeStringField("at", at);
        });
    }

    @Override
    protected MasteryChanged read(String topic, byte[] data) {
        return reference.deserialize(topic, data);
    }
}
