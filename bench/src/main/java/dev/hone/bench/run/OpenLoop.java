package dev.hone.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A load at a fixed arrival rate: request {@code i} is due at {@code start + i * interval} and is
 * sent then whether or not earlier ones were answered. Each latency runs from the due time, not
 * from the moment the request left, so a stall of the server (or of this sender) counts against
 * every request it delayed instead of hiding as one slow sample (coordinated omission).
 * At most {@code maxInFlight} requests are open at once (as wrk2 keeps a fixed set of
 * connections): past that the sender waits, and the wait counts in the latencies; without the
 * cap an overloaded server gets a new connection per due request and collapses under connects.
 * A run lasts its length whatever the server does: requests still waiting for a slot at the
 * end are not sent, and count as errors with their wait until then as latency.
 */
public final class OpenLoop {

    /** How long a run waits, after its figures, for replies still open (the client's own timeout is 60 s). */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final long intervalNanos;
    private final Duration drain;
    private final int maxInFlight;

    /**
     * @param interval time between two requests' due times (1 ms for 1,000 requests/s)
     * @param drain    how long to wait for the last replies; a request still open then is an error
     * @param maxInFlight requests open at once at most
     */
    public OpenLoop(Duration interval, Duration drain, int maxInFlight) {
        this.intervalNanos = interval.toNanos();
        this.drain = drain;
        this.maxInFlight = maxInFlight;
    }

    /**
     * One run.
     *
     * @param latenciesMs every request's latency from its due time (an unanswered one: until the drain ended)
     * @param due         requests due in the run (sent or, when every slot stayed open to the end, not)
     * @param errors      requests that failed, were refused, not sent, or got no reply within the drain
     * @param seconds     from the first due time to the last reply
     * @param lagMs       how late this sender sent each request (already inside the latencies)
     * @param firstError  what the first error was, or null
     */
    public record Outcome(List<Double> latenciesMs, int due, int errors, double seconds, List<Double> lagMs, String firstError) {

        /** Successful replies per second. */
        public double achievedPerSecond() {
            return (due - errors) / seconds;
        }
    }

    /**
     * Sends {@code send.apply(i)} at each due time for {@code length}. The future must complete
     * exceptionally when the reply is not what was asked for; it is called on this thread only.
     */
    public Outcome run(Duration length, IntFunction<CompletableFuture<?>> send) throws InterruptedException {
        int n = (int) (length.toNanos() / intervalNanos);
        var done = new AtomicLongArray(n);
        long[] sentAt = new long[n];
        var errors = new AtomicInteger();
        var firstError = new AtomicReference<String>();
        var replies = new CompletableFuture<?>[n];
        var open = new Semaphore(maxInFlight);
        long start = System.nanoTime() + 1_000_000;
        long stop = start + n * intervalNanos;
        int sent = 0;
        long gaveUp = 0;
        for (int i = 0; i < n; i++) {
            long due = start + i * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!open.tryAcquire(Math.max(0, stop - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                gaveUp = System.nanoTime();
                break; // the run's time is up with every slot still open
            }
            sent++;
            sentAt[i] = System.nanoTime();
            int k = i;
            replies[i] = sendOne(send, i).whenComplete((reply, failure) -> {
                done.set(k, System.nanoTime());
                open.release();
                if (failure != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, describe(failure));
                }
            });
        }
        awaitReplies(Arrays.copyOf(replies, sent), drain);
        long end = System.nanoTime();
        List<Double> latencies = new ArrayList<>(n);
        List<Double> lag = new ArrayList<>(n);
        long last = start;
        int unanswered = 0;
        for (int i = 0; i < n; i++) {
            long due = start + i * intervalNanos;
            long at = i < sent ? done.get(i) : gaveUp;
            if (i >= sent || at == 0) {
                unanswered++;
                at = at == 0 ? end : at;
            }
            last = Math.max(last, at);
            latencies.add((at - due) / 1e6);
            lag.add(((i < sent ? sentAt[i] : gaveUp) - due) / 1e6);
        }
        if (unanswered > 0) {
            firstError.compareAndSet(null, (n - sent) + " requests not sent (every slot open until the run's end), "
                    + (unanswered - (n - sent)) + " unanswered after " + drain.toSeconds() + " s");
            // the next run starts from a quiet server, not from this run's backlog
            awaitReplies(Arrays.copyOf(replies, sent), SETTLE);
        }
        return new Outcome(latencies, n, errors.get() + unanswered, (last - start) / 1e9, lag, firstError.get());
    }

    private static CompletableFuture<?> sendOne(IntFunction<CompletableFuture<?>> send, int i) {
        try {
            return send.apply(i);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void awaitReplies(CompletableFuture<?>[] replies, Duration atMost) throws InterruptedException {
        try {
            CompletableFuture.allOf(replies).get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // failed replies are counted one by one; unanswered ones after the drain below
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
