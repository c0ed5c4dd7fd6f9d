package dev.hone.catalog.check;

import java.time.Duration;

/**
 * How to check a bank.
 *
 * @param runSnippets run every code_output snippet with python3 (the default; off for a quick look)
 * @param python      the command to find Python with, {@code python3} unless told otherwise
 * @param workers     snippets run at once; two, because the machines have two cores
 * @param timeout     how long one snippet may run
 */
public record CheckOptions(boolean runSnippets, String python, int workers, Duration timeout) {

    public static CheckOptions defaults() {
        return new CheckOptions(true, "python3", 2, Duration.ofSeconds(5));
    }

    public CheckOptions withoutSnippets() {
        return new CheckOptions(false, python, workers, timeout);
    }

    public CheckOptions withPython(String command) {
        return new CheckOptions(runSnippets, command, workers, timeout);
    }
}
