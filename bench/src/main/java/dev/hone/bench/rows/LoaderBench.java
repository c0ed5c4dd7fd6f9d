package dev.hone.bench.rows;

import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Processes;

import java.util.List;

/**
 * The analytics LoaderBenchmark, run as its own process from the analytics jar: the loader's
 * rows/s (Kafka to ClickHouse) and clickhouse-client's bulk insert of exactly the rows it stored.
 */
public final class LoaderBench implements BenchRow {

    @Override
    public String name() {
        return "loader";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        // one JVM for every repeat (LoaderBenchmark --repeats): each repeat a fresh loader, group and databases
        String out = ctx.processes().run("loader", Processes.java(ctx.analyticsJar(),
                List.of("-Xmx1g", "-Dloader.main=dev.hone.analytics.seed.LoaderBenchmark"), "org.springframework.boot.loader.launch.PropertiesLauncher",
                List.of("--answers", Integer.toString(ctx.scale().loaderAnswers()), "--kafka", ctx.kafka(), "--url", ctx.clickHouseUrl(),
                        "--client-port", Integer.toString(ctx.clickHousePort()), "--fresh-seconds", "0",
                        "--repeats", Integer.toString(ctx.scale().repeats()))), 3600);
        List<Double> loader = Processes.allNumbers(out, "loader: .*: ([\\d,.]+) rows/s");
        List<Double> client = Processes.allNumbers(out, "clickhouse-client: .*: ([\\d,.]+) rows/s");
        if (loader.size() != ctx.scale().repeats() || client.size() != ctx.scale().repeats()) {
            throw new IllegalStateException("LoaderBenchmark reported " + loader.size() + " loader and " + client.size()
                    + " client figures for " + ctx.scale().repeats() + " repeats; see " + ctx.state().resolve("logs/loader.log"));
        }
        return List.of(Result.of(name(), String.format("rows/s into ClickHouse (%,d answers a run)", ctx.scale().loaderAnswers()),
                Summary.of(loader), Summary.of(client), Goal.ratioAtLeast(0.5), "peer: clickhouse-client TabSeparated bulk insert of the same rows, same schema and views"));
    }
}
