package dev.hone.infra.e2e;

/**
 * One fault scenario's figures. {@code mismatches} counts every way the outcome differs from
 * exactly once: accepted answers missing in ClickHouse, rows stored twice or never accepted,
 * learners whose mastery differs from the offline replay, poison records not in the DLQ.
 */
record ScenarioResult(String scenario, long sent, long accepted, long inClickHouse, long inDlq, long mismatches, String detail) {

    String row() {
        return String.format("| %-28s | %8d | %8d | %12d | %6d | %10d | %s |", scenario, sent, accepted, inClickHouse, inDlq, mismatches, detail);
    }

    static String header() {
        return String.format("| %-28s | %8s | %8s | %12s | %6s | %10s | %s |%n|%s|%s|%s|%s|%s|%s|%s|", "scenario", "sent", "accepted",
                "inClickHouse", "inDlq", "mismatches", "detail", "-".repeat(30), "-".repeat(10), "-".repeat(10), "-".repeat(14), "-".repeat(8),
                "-".repeat(12), "---");
    }
}
