package dev.hone.bench.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** `./hone replay` of the shared dataset with the production model: answers/s as the command reports it. */
public final class ReplayBench implements BenchRow {

    /** The shared dataset; HONE_BENCH_REPLAY_DATA points elsewhere. */
    static final String DEFAULT_DATA = "/work/shared/data/assist09-test.csv";

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        String data = System.getenv().getOrDefault("HONE_BENCH_REPLAY_DATA", DEFAULT_DATA);
        if (!Files.isReadable(Path.of(data))) {
            throw new IllegalStateException("replay: the dataset " + data + " is missing; set HONE_BENCH_REPLAY_DATA to an interaction log");
        }
        List<Double> rates = new ArrayList<>();
        Path report = ctx.state().resolve("replay.json");
        for (int i = 0; i < ctx.scale().repeats(); i++) {
            ctx.processes().run("replay-" + i, List.of("bash", ctx.root().resolve("infra/commands/replay.sh").toString(), data,
                    "--model", "elo-pfa", "--report", report.toString()), 600);
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            JsonNode rate = json.findValue("answersPerSecond");
            if (rate == null) {
                throw new IllegalStateException("replay: no answersPerSecond in " + report);
            }
            rates.add(rate.asDouble());
        }
        return List.of(Result.of(name(), "answers/s, elo-pfa, " + Path.of(data).getFileName() + " (fresh JVM, parsing included)",
                Summary.of(rates), null, Goal.atLeast(200_000, ">= 200,000/s"), "./hone replay"));
    }
}
