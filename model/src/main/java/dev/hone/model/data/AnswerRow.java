package dev.hone.model.data;

/** One parsed answer, reused by the reader for every row (no allocation per row). */
public final class AnswerRow {

    long line;
    int learner;
    int item;
    int skillSet;
    int[] skills;
    double score;
    long timestamp;

    /** 1-based line number in the file (the header is line 1). */
    public long line() {
        return line;
    }

    public int learner() {
        return learner;
    }

    public int item() {
        return item;
    }

    /** Id of the row's whole skill list, as written; rows with the same list share one {@link #skills()} array. */
    public int skillSet() {
        return skillSet;
    }

    /** The skill ids; a shared array, do not modify. */
    public int[] skills() {
        return skills;
    }

    public double score() {
        return score;
    }

    public long timestamp() {
        return timestamp;
    }
}
