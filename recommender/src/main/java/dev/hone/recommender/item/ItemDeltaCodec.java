package dev.hone.recommender.item;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;

/**
 * {@link ItemDelta} on the item side's re-key topic and in the learner side's pending store,
 * binary (see {@link CompactCodec}). Its first byte is {@link #FORMAT}, not the single answer's
 * 1, so the item side still reads the single answers an older version left on the topic.
 */
public final class ItemDeltaCodec extends CompactCodec<ItemDelta> {

    public static final int FORMAT = 2;

    public ItemDeltaCodec() {
        super(FORMAT);
    }

    @Override
    void write(DataOutputStream out, ItemDelta d) throws IOException {
        writeString(out, d.questionId());
        writeString(out, d.topicId());
        out.writeInt(d.catalogDifficulty());
        out.writeInt(d.observations().size());
        for (ItemDelta.Observation o : d.observations()) {
            out.writeDouble(o.score());
            out.writeBoolean(o.correct());
            out.writeLong(o.responseMs());
            out.writeDouble(o.predicted());
        }
        writeString(out, d.lastEventId());
        writeInstant(out, d.lastAnsweredAt());
    }

    @Override
    ItemDelta read(Fields in) throws IOException {
        String questionId = in.string("questionId");
        String topicId = in.string("topicId");
        int catalogDifficulty = in.integer("catalogDifficulty");
        int count = in.integer("observations");
        if (count < 0 || count > 1_000_000) {
            throw new IOException("observation count " + count + " is out of range");
        }
        var observations = new ArrayList<ItemDelta.Observation>(count);
        for (int i = 0; i < count; i++) {
            observations.add(new ItemDelta.Observation(in.real("score"), in.flag("correct"), in.number("responseMs"), in.real("predicted")));
        }
        return new ItemDelta(questionId, topicId, catalogDifficulty, observations, in.string("lastEventId"), in.instant("lastAnsweredAt"));
    }
}
