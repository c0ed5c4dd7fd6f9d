package dev.hone.bench.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Processes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The JMH micro-benchmarks of hot code (dev.hone.bench.jmh), in their own forked JVM; one row per benchmark. */
public final class JmhBench implements BenchRow {

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        Path json = ctx.state().resolve("jmh.json");
        List<String> args = new ArrayList<>(List.of("dev.hone.bench.jmh", "-rf", "json", "-rff", json.toString()));
        args.addAll(Arrays.asList(ctx.scale().jmhArgs().split(" ")));
        ctx.processes().run("jmh", Processes.java(ctx.classpath(), List.of("-Xmx512m"), "org.openjdk.jmh.Main", args), 1800);
        List<Result> rows = new ArrayList<>();
        for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
            String name = b.get("benchmark").asText().replaceFirst("^dev\\.hone\\.bench\\.jmh\\.", "");
            if (b.hasNonNull("params")) { // one row per parameter value, e.g. SerdeBenchmark.learnerStateToBinary [history=30]
                List<String> params = new ArrayList<>();
                b.get("params").properties().forEach(p -> params.add(p.getKey() + "=" + p.getValue().asText()));
                name += " " + params;
            }
            JsonNode metric = b.get("primaryMetric");
            List<Double> iterations = new ArrayList<>();
            metric.get("rawData").forEach(fork -> fork.forEach(v -> iterations.add(v.asDouble())));
            rows.add(Result.of(name(), name + " (" + metric.get("scoreUnit").asText() + ")", Summary.of(iterations), null, Goal.report(),
                    "JMH, one value per measurement iteration"));
        }
        return rows;
    }
}
