package dev.hone.recommender.item;

import dev.hone.events.ItemStatistics;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * {@link ItemStatistics} in the recommender's own stores (the item side's running statistics and
 * every instance's global copy of the items topic), binary (see {@link CompactCodec}). The items
 * topic itself stays JSON: it is part of the contract.
 */
public final class ItemStatisticsCodec extends CompactCodec<ItemStatistics> {

    public ItemStatisticsCodec() {
    }

    @Override
    void write(DataOutputStream out, ItemStatistics s) throws IOException {
        out.writeInt(s.schema());
        writeString(out, s.questionId());
        writeString(out, s.topicId());
        out.writeLong(s.attempts());
        out.writeLong(s.correct());
        out.writeDouble(s.scoreSum());
        out.writeDouble(s.meanResponseMs());
        out.writeLong(s.timedAnswers());
        out.writeDouble(s.priorDifficulty());
        out.writeDouble(s.difficulty());
        out.writeDouble(s.difficultyVariance());
        writeString(out, s.lastEventId());
        writeInstant(out, s.updatedAt());
    }

    @Override
    ItemStatistics read(Fields in) throws IOException {
        return new ItemStatistics(in.integer("schema"), in.string("questionId"), in.string("topicId"), in.number("attempts"),
                in.number("correct"), in.real("scoreSum"), in.real("meanResponseMs"), in.number("timedAnswers"),
                in.real("priorDifficulty"), in.real("difficulty"), in.real("difficultyVariance"), in.string("lastEventId"),
                in.instant("updatedAt"));
    }
}
