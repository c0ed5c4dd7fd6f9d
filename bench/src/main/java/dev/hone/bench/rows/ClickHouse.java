package dev.hone.bench.rows;

import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;
import dev.hone.bench.run.Processes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The bench ClickHouse: counts, sizes, and seeding Hone's database with `./hone seed`'s command. */
final class ClickHouse {

    static final String DATABASE = "hone";
    private static final Logger log = LoggerFactory.getLogger(ClickHouse.class);
    private static final Duration MERGES_AT_MOST = Duration.ofMinutes(15);

    private final BenchContext ctx;
    private final Http http;

    ClickHouse(BenchContext ctx, Http http) {
        this.ctx = ctx;
        this.http = http;
    }

    /** A one-value query over ClickHouse's HTTP interface (queries here are constants, no input). */
    String query(String sql) throws Exception {
        Http.Reply reply = http.post(ctx.clickHouseUrl() + "/", "text/plain", sql);
        if (reply.status() != 200) {
            throw new IllegalStateException("ClickHouse answered " + reply.status() + " to '" + sql + "': " + reply.body());
        }
        return reply.body().trim();
    }

    long answers() throws Exception {
        String exists = query("EXISTS TABLE " + DATABASE + ".answers");
        return "1".equals(exists) ? Long.parseLong(query("SELECT count() FROM " + DATABASE + ".answers")) : 0;
    }

    /** Seeds Hone's database up to {@code n} answers with SeedCommand from the analytics jar (same as ./hone seed). */
    long ensureSeeded(long n) throws Exception {
        long have = answers();
        if (have >= n) {
            return have;
        }
        ctx.processes().run("seed", Processes.java(ctx.analyticsJar(),
                List.of("-Xmx1g", "-Dloader.main=dev.hone.analytics.seed.SeedCommand"), "org.springframework.boot.loader.launch.PropertiesLauncher",
                List.of("--answers", Long.toString(n - have), "--url", ctx.clickHouseUrl(), "--database", DATABASE)), 3600);
        awaitMergesSettled();
        return answers();
    }

    /**
     * Waits until ClickHouse has merged what seeding wrote: a bulk load of millions of rows leaves
     * hundreds of parts in the answers table and in every materialized view's table, and the merges
     * that follow take the CPU the dashboards' queries would be timed on. A deployment loads answers
     * as they come, so the dashboards are measured in that steady state; how long the merges ran is
     * logged.
     */
    void awaitMergesSettled() throws Exception {
        Instant started = Instant.now();
        int quietPolls = 0;
        while (quietPolls < 3 && Duration.between(started, Instant.now()).compareTo(MERGES_AT_MOST) < 0) {
            boolean merging = !"0".equals(query("SELECT count() FROM system.merges WHERE database = '" + DATABASE + "'"));
            quietPolls = merging ? 0 : quietPolls + 1;
            Thread.sleep(2_000); // a harness step between runs, not a test waiting for a condition
        }
        log.info("ClickHouse merges after seeding settled in {} s{}", Duration.between(started, Instant.now()).toSeconds(),
                quietPolls < 3 ? " (still merging at the limit; measuring anyway)" : "");
    }
}
