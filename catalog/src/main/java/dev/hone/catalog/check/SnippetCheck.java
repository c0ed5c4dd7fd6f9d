package dev.hone.catalog.check;

import dev.hone.catalog.check.SnippetRunner.Outcome;
import dev.hone.catalog.grading.CodeOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every code_output snippet and compares what Python does with the recorded key. Each
 * snippet runs twice: hash randomisation differs between runs, so a snippet that prints a set
 * of strings (which FORMAT.md forbids) shows up even when its first run happens to match.
 */
final class SnippetCheck {

    private static final int SHOWN_CHARS = 300;

    private final SnippetRunner runner;
    private final int workers;

    SnippetCheck(SnippetRunner runner, int workers) {
        this.runner = runner;
        this.workers = Math.max(1, workers);
    }

    List<Problem> check(List<Snippet> snippets) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "snippet-runner");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<Problem>>> results = new ArrayList<>();
            for (Snippet snippet : snippets) {
                results.add(pool.submit(() -> check(snippet)));
            }
            List<Problem> problems = new ArrayList<>();
            for (Future<Optional<Problem>> result : results) {
                result.get().ifPresent(problems::add);
            }
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running snippets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a snippet could not be run: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<Problem> check(Snippet snippet) throws IOException {
        Outcome first = runner.run(snippet.code());
        Optional<String> wrong = compare(snippet.key(), first);
        if (wrong.isEmpty()) {
            Outcome second = runner.run(snippet.code());
            if (!result(second).equals(result(first))) {
                wrong = Optional.of("the snippet is not deterministic: one run gives " + show(result(first))
                        + ", another " + show(result(second)) + " (set order of strings? ids? time?)");
            }
        }
        return wrong.map(message -> new Problem(snippet.file(), snippet.line(), snippet.questionId() + ": " + message));
    }

    /** What is wrong with the key given this run, if anything. */
    static Optional<String> compare(String key, Outcome outcome) {
        if (outcome.timedOut()) {
            return Optional.of("the snippet did not finish within the time limit");
        }
        Optional<String> keyedException = CodeOutput.raisedException(key);
        if (outcome.exitCode() != 0) {
            Optional<String> raised = Traceback.exceptionName(outcome.stderr());
            if (raised.isEmpty()) {
                return Optional.of("the snippet exits with status " + outcome.exitCode() + " without a traceback: "
                        + show(Traceback.lastLine(outcome.stderr())));
            }
            String name = raised.get();
            boolean same = keyedException.filter(k -> k.equals(name) || k.equals(Traceback.simpleName(name))).isPresent();
            return same ? Optional.empty() : Optional.of("the key is " + show(CodeOutput.normalise(key))
                    + " but python3 raises " + Traceback.simpleName(name) + " (" + Traceback.lastLine(outcome.stderr())
                    + "); write the key as 'raises: " + Traceback.simpleName(name) + "'");
        }
        if (keyedException.isPresent()) {
            return Optional.of("the key is 'raises: " + keyedException.get() + "' but the snippet ends normally and prints "
                    + show(CodeOutput.normalise(outcome.stdout())));
        }
        String printed = CodeOutput.normalise(outcome.stdout());
        String expected = CodeOutput.normalise(key);
        return printed.equals(expected) ? Optional.empty()
                : Optional.of("the key is " + show(expected) + " but python3 prints " + show(printed));
    }

    private static String result(Outcome outcome) {
        return outcome.exitCode() == 0 ? CodeOutput.normalise(outcome.stdout())
                : "raises " + Traceback.exceptionName(outcome.stderr()).orElse("exit " + outcome.exitCode());
    }

    /** A value on one line: newlines as \n, quoted, cut when long. */
    static String show(String text) {
        String oneLine = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
        if (oneLine.length() > SHOWN_CHARS) {
            oneLine = oneLine.substring(0, SHOWN_CHARS) + "...";
        }
        return "\"" + oneLine + "\"";
    }
}
