package dev.hone.bench.rows;

import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;
import dev.hone.catalog.Catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each dashboard's JSON over the seeded answers (`./hone seed`'s generator: learner-N, cohort-N),
 * through analytics' HTTP API: p50 and p95 per run, one row per dashboard (the goal reads p95).
 */
public final class DashboardsBench implements BenchRow {

    private final Http http = new Http();

    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        long answers = new ClickHouse(ctx, http).ensureSeeded(ctx.scale().dashboardAnswers());
        String topic = Catalog.bundled().topics().iterator().next().id();
        String track = Catalog.bundled().tracks().get(0).id();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("learners/{id}", "learners/learner-7");
        endpoints.put("cohorts/{cohort}", "cohorts/cohort-3");
        endpoints.put("cohorts/{cohort}/at-risk", "cohorts/cohort-3/at-risk");
        endpoints.put("drill-down", "cohorts/cohort-3/learners/learner-307/topics/" + topic);
        endpoints.put("topics", "topics");
        endpoints.put("topics?track=", "topics?track=" + track);
        endpoints.put("questions", "questions");
        endpoints.put("questions?track=", "questions?track=" + track);
        endpoints.put("questions/flagged", "questions/flagged");
        List<Result> rows = new ArrayList<>();
        for (var e : endpoints.entrySet()) {
            String url = ctx.analyticsUrl() + "/api/v1/dashboards/" + e.getValue();
            call(url); // warm
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            for (int r = 0; r < ctx.scale().repeats(); r++) {
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < ctx.scale().dashboardCalls(); i++) {
                    ms.add(call(url));
                }
                p50.add(Summary.quantile(ms, 0.5));
                p95.add(Summary.quantile(ms, 0.95));
            }
            rows.add(Result.of(name(), String.format(Locale.ROOT, "%s p95 ms (p50 %.0f; %,d answers)", e.getKey(), Summary.of(p50).median(), answers),
                    Summary.of(p95), null, Goal.below(300, "p95 < 300 ms"), ctx.scale().dashboardCalls() + " calls a run"));
        }
        return rows;
    }

    private double call(String url) throws Exception {
        long started = System.nanoTime();
        Http.Reply reply = http.get(url);
        double ms = (System.nanoTime() - started) / 1e6;
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + reply.status() + ": " + reply.body());
        }
        return ms;
    }
}
