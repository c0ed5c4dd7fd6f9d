package dev.hone.model.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counts rows that could not be read and keeps the first few with their reason. */
public final class BadRows {

    /** A row that could not be read. */
    public record BadRow(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    private static final int KEPT = 20;

    private final List<BadRow> first = new ArrayList<>();
    private long count;

    void add(long line, String reason) {
        count++;
        if (first.size() < KEPT) {
            first.add(new BadRow(line, reason));
        }
    }

    public long count() {
        return count;
    }

    /** The first bad rows, in file order (at most 20). */
    public List<BadRow> first() {
        return Collections.unmodifiableList(first);
    }
}
