package dev.hone.bench.rows;

import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;
import dev.hone.bench.run.Processes;

import java.util.List;

/** The bench ClickHouse: counts, sizes, and seeding Hone's database with `./hone seed`'s command. */
final class ClickHouse {

    static final String DATABASE = "hone";

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
        return answers();
    }
}
