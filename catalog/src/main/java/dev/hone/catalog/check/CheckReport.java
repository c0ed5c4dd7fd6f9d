package dev.hone.catalog.check;

import java.time.Duration;
import java.util.List;

/**
 * The result of checking a bank: its problems, sorted by file and line, and what was looked at.
 *
 * @param snippetsRun code_output snippets run with Python (0 when running was off or impossible)
 * @param python      which Python ran them and how, or why none did
 */
public record CheckReport(List<Problem> problems, int topics, int questions, int snippetsRun, String python,
                          Duration elapsed) {

    public CheckReport {
        problems = problems.stream().sorted().toList();
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The closing line of {@code hone catalog check}. */
    public String summary() {
        return "catalog check: " + questions + " questions in " + topics + " topics, " + snippetsRun
                + " snippets run, " + problems.size() + (problems.size() == 1 ? " error" : " errors")
                + " (" + elapsed.toMillis() + " ms)";
    }
}
