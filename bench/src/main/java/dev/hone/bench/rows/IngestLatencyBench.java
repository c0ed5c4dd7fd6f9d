package dev.hone.bench.rows;

import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;
import dev.hone.bench.run.OpenLoop;
import dev.hone.bench.run.ServiceCpu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Single answers through POST /api/v1/answers at a steady {@value #RATE} requests/s, open loop
 * ({@link OpenLoop}: one request due every millisecond whatever the replies, latency from the
 * due time): p50, p99 and p99.9 per run after a warm-up at the same rate, the rate achieved and
 * the errors. Every answer is valid and new (its own eventId, one of {@value #LEARNERS} learners),
 * and counts only if ingest answers 202 with that eventId.
 */
public final class IngestLatencyBench implements BenchRow {

    static final int RATE = 1_000;
    static final int LEARNERS = 10_000;
    /** Replies still open this long after the last request are errors. */
    static final Duration DRAIN = Duration.ofSeconds(10);
    /** Connections the client keeps at most: 1,000/s at up to 64 ms each. */
    static final int MAX_IN_FLIGHT = 64;

    private final Http http = new Http();

    @Override
    public String name() {
        return "ingest-latency";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        var answers = new BenchAnswers("latency-", LEARNERS, 11);
        var loop = new OpenLoop(Duration.ofNanos(1_000_000_000L / RATE), DRAIN, MAX_IN_FLIGHT);
        String url = ctx.ingestUrl() + "/api/v1/answers";
        // warm-up at the same rate: JIT, the client's connections, the producer's metadata
        loop.run(Duration.ofSeconds(ctx.scale().warmupSeconds()), i -> answer(url, answers));
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p999 = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> lag = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ServiceCpu ingest = ServiceCpu.of(ctx, "ingest");
        String firstError = null;
        for (int r = 0; r < ctx.scale().repeats(); r++) {
            Duration cpuBefore = ingest.used();
            OpenLoop.Outcome run = loop.run(Duration.ofSeconds(ctx.scale().latencySeconds()), i -> answer(url, answers));
            cpu.add(ingest.used().minus(cpuBefore).toNanos() / 1e6 / Math.max(1, run.due() - run.errors()));
            p50.add(Summary.quantile(run.latenciesMs(), 0.50));
            p99.add(Summary.quantile(run.latenciesMs(), 0.99));
            p999.add(Summary.quantile(run.latenciesMs(), 0.999));
            achieved.add(run.achievedPerSecond());
            errors.add((double) run.errors());
            lag.add(Summary.quantile(run.lagMs(), 0.99));
            firstError = firstError != null ? firstError : run.firstError();
        }
        String load = String.format("%,d/s open loop, %d s a run after %d s warm-up", RATE, ctx.scale().latencySeconds(),
                ctx.scale().warmupSeconds());
        String note = String.format("latency from each request's due time; the sender's own lag p99 %.1f ms (median of runs), inside the figures",
                Summary.of(lag).median()) + (firstError == null ? "" : "; first error: " + firstError);
        return List.of(
                Result.of(name(), "POST /answers p50 ms (" + load + ")", Summary.of(p50), null, Goal.report(), note),
                Result.of(name(), "POST /answers p99 ms (" + load + ")", Summary.of(p99), null, Goal.below(15, "p99 < 15 ms"), note),
                Result.of(name(), "POST /answers p99.9 ms (" + load + ")", Summary.of(p999), null, Goal.report(), note),
                Result.of(name(), "answers/s answered 202 (" + String.format("%,d/s", RATE) + " offered)", Summary.of(achieved), null,
                        Goal.report(), note),
                Result.of(name(), "errors a run (not 202 with the eventId, or no reply within " + DRAIN.toSeconds() + " s)",
                        Summary.of(errors), null, Goal.below(1, "none"), note),
                // at 1,000/s, ingest needs this many ms of CPU each second: above ~1,000 no machine of one core keeps up
                Result.of(name(), "ingest CPU ms per accepted single answer (user + system, /proc)", Summary.of(cpu), null, Goal.report(),
                        "the ingest process's CPU time over each run, divided by the answers it accepted"));
    }

    /** One new, valid answer; fails unless ingest stored it (202 naming its eventId). */
    private CompletableFuture<?> answer(String url, BenchAnswers answers) {
        String eventId = UUID.randomUUID().toString();
        return http.postJsonAsync(url, answers.requestWithEventId(eventId)).thenApply(reply -> {
            if (reply.status() != 202 || !reply.body().contains(eventId)) {
                throw new IllegalStateException("POST /api/v1/answers answered " + reply.status() + ": " + reply.body());
            }
            return reply;
        });
    }
}
