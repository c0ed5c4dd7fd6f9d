package dev.hone.recommender.item;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * {@link ItemAnswer}, binary (see {@link CompactCodec}): what older versions sent on the item
 * side's re-key topic, one record per answer; the item side still reads it (as a delta of one).
 */
public final class ItemAnswerCodec extends CompactCodec<ItemAnswer> {

    public ItemAnswerCodec() {
    }

    @Override
    void write(DataOutputStream out, ItemAnswer a) throws IOException {
        writeString(out, a.eventId());
        writeString(out, a.questionId());
        writeString(out, a.topicId());
        out.writeInt(a.catalogDifficulty());
        out.writeDouble(a.score());
        out.writeBoolean(a.correct());
        out.writeLong(a.responseMs());
        out.writeDouble(a.predicted());
        writeInstant(out, a.answeredAt());
    }

    @Override
    ItemAnswer read(Fields in) throws IOException {
        return new ItemAnswer(in.string("eventId"), in.string("questionId"), in.string("topicId"), in.integer("catalogDifficulty"),
                in.real("score"), in.flag("correct"), in.number("responseMs"), in.real("predicted"), in.instant("answeredAt"));
    }
}
