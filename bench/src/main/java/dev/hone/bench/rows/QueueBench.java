package dev.hone.bench.rows;

import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GET /api/v1/learners/{id}/queue through ingest, with two recommender instances in the group
 * (about half the calls are forwarded to the owner): warm, sequential, p50 and p99 per run.
 */
public final class QueueBench implements BenchRow {

    private final Http http = new Http();

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        var answers = new BenchAnswers("ingest-", IngestBench.LEARNERS, 7);
        for (int i = 0; i < 20; i++) { // every learner has answers, whether or not the ingest row ran
            http.postJson(ctx.ingestUrl() + "/api/v1/answers/batch", answers.batch(IngestBench.BATCH));
        }
        awaitQueue(ctx, answers.learnerId(0));
        var random = new SplittableRandom(3);
        int warmupCalls = warmUp(ctx, answers, random);
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < ctx.scale().repeats(); r++) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < ctx.scale().queueCalls(); i++) {
                ms.add(call(ctx, answers.learnerId(random.nextInt(IngestBench.LEARNERS))));
            }
            p50.add(Summary.quantile(ms, 0.50));
            p99.add(Summary.quantile(ms, 0.99));
        }
        String calls = String.format("%,d calls a run, 2 recommender instances", ctx.scale().queueCalls());
        String note = String.format("through ingest, after a warm-up of %,d calls", warmupCalls);
        return List.of(
                Result.of(name(), "GET /queue p50 ms (" + calls + ")", Summary.of(p50), null, Goal.report(), note),
                Result.of(name(), "GET /queue p99 ms (" + calls + ")", Summary.of(p99), null, Goal.below(20, "p99 < 20 ms"), note));
    }

    /**
     * Warm-up by time ({@link dev.hone.bench.run.Scale#warmupSeconds}) and by calls, at least
     * {@value #WARM_UP_RUNS} runs' worth: the JIT counts calls, not seconds. On a slower day (2026-11-30) two
     * minutes held 8,600-9,200 calls, still 13 ms each on average, and the runs read p99 24.5-25.0 ms (the
     * twelfth session's code too); five minutes held 47,000 calls and the runs read p99 8.4-9.0 ms.
     */
    static final int WARM_UP_RUNS = 15;

    private int warmUp(BenchContext ctx, BenchAnswers answers, SplittableRandom random) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(ctx.scale().warmupSeconds()).toNanos();
        int calls = 0;
        while (calls < WARM_UP_RUNS * ctx.scale().queueCalls() || System.nanoTime() < until) {
            call(ctx, answers.learnerId(random.nextInt(IngestBench.LEARNERS)));
            calls++;
        }
        return calls;
    }

    private double call(BenchContext ctx, String learnerId) throws Exception {
        long started = System.nanoTime();
        Http.Reply reply = http.get(ctx.ingestUrl() + "/api/v1/learners/" + learnerId + "/queue?n=5");
        double ms = (System.nanoTime() - started) / 1e6;
        if (reply.status() != 200) {
            throw new IllegalStateException("GET queue of " + learnerId + " answered " + reply.status() + ": " + reply.body());
        }
        return ms;
    }

    /** The recommender answers once its stores are ready: wait for it (at most two minutes). */
    private void awaitQueue(BenchContext ctx, String learnerId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (http.get(ctx.ingestUrl() + "/api/v1/learners/" + learnerId + "/queue?n=5").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the queue of " + learnerId + " did not answer 200 within 2 minutes");
            }
            Thread.sleep(200);
        }
    }
}
