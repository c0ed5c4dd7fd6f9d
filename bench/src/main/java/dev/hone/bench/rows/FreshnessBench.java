package dev.hone.bench.rows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer accepted (POST /api/v1/answers answered 202) until the learner's dashboard counts it:
 * one new learner per probe, the dashboard polled every 50 ms; p95 per run.
 */
public final class FreshnessBench implements BenchRow {

    private final Http http = new Http();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "freshness";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        var answers = new BenchAnswers("fresh-" + System.currentTimeMillis() + "-", 1, 5);
        List<Double> p95 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        int probe = 0;
        for (int r = 0; r < ctx.scale().repeats(); r++) {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < ctx.scale().freshnessProbes(); i++) {
                seconds.add(probe(ctx, answers, answers.learnerId(0) + "-" + (probe++)));
            }
            p95.add(Summary.quantile(seconds, 0.95));
            p50.add(Summary.quantile(seconds, 0.5));
        }
        return List.of(Result.of(name(), String.format("accepted -> in the learner dashboard, p95 s (p50 %.2f s)", Summary.of(p50).median()),
                Summary.of(p95), null, Goal.below(5, "p95 < 5 s"), ctx.scale().freshnessProbes() + " answers a run, one at a time"));
    }

    private double probe(BenchContext ctx, BenchAnswers answers, String learnerId) throws Exception {
        Http.Reply posted = http.postJson(ctx.ingestUrl() + "/api/v1/answers", answers.request(learnerId));
        long accepted = System.nanoTime();
        if (posted.status() != 202) {
            throw new IllegalStateException("POST /api/v1/answers answered " + posted.status() + ": " + posted.body());
        }
        long deadline = accepted + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Reply view = http.get(ctx.analyticsUrl() + "/api/v1/dashboards/learners/" + learnerId);
            if (view.status() == 200 && json.readTree(view.body()).path("answers").asLong() > 0) {
                return (System.nanoTime() - accepted) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the answer of " + learnerId + " did not reach the dashboard within 60 s");
    }
}
