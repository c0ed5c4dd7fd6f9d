package dev.hone.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One engine process of a test's own: started, waited for until it serves, killed like a crash. */
final class EngineProcess {

    private Process process;

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Keeps {@code started} and waits until {@code ready}; fails naming {@code what} and where its log is. */
    void awaitReady(Process started, BooleanSupplier ready, Duration timeout, String what, Object log) {
        process = started;
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not start; see " + log);
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS); // returns early if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + what + " started", e);
            }
        }
    }

    /** SIGKILL, as a crash would end it; its files stay. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
