package dev.hone.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * An interaction log held in memory, column by column (for fitting global parameters, which needs several
 * passes). Rows keep file order. About 40 bytes per row.
 */
public final class AnswerLog {

    private final Ids ids;
    private int size;
    private int[] learner = new int[1024];
    private int[] item = new int[1024];
    private int[] skillSet = new int[1024];
    private float[] score = new float[1024];
    private long[] timestamp = new long[1024];

    public AnswerLog(Ids ids) {
        this.ids = ids;
    }

    /** Reads a whole file, keeping the rows whose learner passes {@code keepLearner}. */
    public static AnswerLog read(Path file, Ids ids, BadRows badRows, boolean strict, IntPredicate keepLearner)
            throws IOException {
        AnswerLog log = new AnswerLog(ids);
        AnswerRow row = new AnswerRow();
        try (AnswerCsvReader reader = AnswerCsvReader.open(file, ids, badRows, strict)) {
            while (reader.next(row)) {
                if (keepLearner.test(row.learner())) {
                    log.add(row.learner(), row.item(), row.skillSet(), row.score(), row.timestamp());
                }
            }
        }
        return log;
    }

    public void add(int learnerId, int itemId, int skillSetId, double scoreValue, long time) {
        if (size == learner.length) {
            int n = size * 2;
            learner = Arrays.copyOf(learner, n);
            item = Arrays.copyOf(item, n);
            skillSet = Arrays.copyOf(skillSet, n);
            score = Arrays.copyOf(score, n);
            timestamp = Arrays.copyOf(timestamp, n);
        }
        learner[size] = learnerId;
        item[size] = itemId;
        skillSet[size] = skillSetId;
        score[size] = (float) scoreValue;
        timestamp[size] = time;
        size++;
    }

    /** Appends row {@code r} of another log over the same {@link Ids}. */
    public void addRowOf(AnswerLog other, int r) {
        add(other.learner[r], other.item[r], other.skillSet[r], other.score[r], other.timestamp[r]);
    }

    public Ids ids() {
        return ids;
    }

    public int size() {
        return size;
    }

    public int learner(int row) {
        return learner[row];
    }

    public int item(int row) {
        return item[row];
    }

    public int[] skills(int row) {
        return ids.skillsOf(skillSet[row]);
    }

    public double score(int row) {
        return score[row];
    }

    public long timestamp(int row) {
        return timestamp[row];
    }

    public double meanScore() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += score[i];
        }
        return size == 0 ? 0.5 : s / size;
    }
}
