package dev.hone.catalog.check;

import java.util.Comparator;

/**
 * One thing wrong with the bank, reported as {@code file:line: message}. {@code file} is relative
 * to the bank root ({@code questions/core.gil.yaml}); {@code line} is 1-based, 0 when the
 * problem concerns a whole file that does not exist.
 */
public record Problem(String file, int line, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
