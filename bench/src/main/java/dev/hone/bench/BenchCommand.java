package dev.hone.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.bench.report.Machine;
import dev.hone.bench.report.Report;
import dev.hone.bench.report.Result;
import dev.hone.bench.rows.BenchRow;
import dev.hone.bench.rows.DashboardsBench;
import dev.hone.bench.rows.FreshnessBench;
import dev.hone.bench.rows.IngestBench;
import dev.hone.bench.rows.IngestLatencyBench;
import dev.hone.bench.rows.JmhBench;
import dev.hone.bench.rows.LoaderBench;
import dev.hone.bench.rows.MemoryBench;
import dev.hone.bench.rows.QueueBench;
import dev.hone.bench.rows.RecommenderBench;
import dev.hone.bench.rows.ReplayBench;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Reset;
import dev.hone.bench.run.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Java side of `./hone bench` (infra/commands/bench.sh starts the engines and services):
 * <ul>
 *   <li>{@code run --rows a,b [--quick] --results FILE --kafka B --clickhouse-url U --clickhouse-port P --ingest U --analytics U
 *       --state DIR --root DIR}: measures the rows and appends them to FILE (exit 1 when a row failed, after the others ran);</li>
 *   <li>{@code report --results FILE --mode quick|full --load-before "1 2 3" --out FILE.json [--markdown FILE.md]}:
 *       writes the JSON report and the Markdown table, and prints the table;</li>
 *   <li>{@code reset --kafka B}: deletes every topic on the bench broker (between the engine rows and the services).</li>
 * </ul>
 */
public final class BenchCommand {

    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every row, in the order the full run takes them. */
    static final Map<String, Supplier<BenchRow>> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("ingest", IngestBench::new);
        ROWS.put("ingest-latency", IngestLatencyBench::new);
        ROWS.put("recommender", RecommenderBench::issueSized);
        ROWS.put("recommender-history", RecommenderBench::withHistory);
        ROWS.put("loader", LoaderBench::new);
        ROWS.put("queue", QueueBench::new);
        ROWS.put("dashboards", DashboardsBench::new);
        ROWS.put("freshness", FreshnessBench::new);
        ROWS.put("replay", ReplayBench::new);
        ROWS.put("memory", MemoryBench::new);
        ROWS.put("jmh", JmhBench::new);
    }

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: run ... | report ... | reset --kafka B");
        }
        Map<String, String> options = options(args);
        int status = switch (args[0]) {
            case "run" -> run(options);
            case "report" -> report(options);
            case "reset" -> {
                Reset.topics(need(options, "--kafka"));
                yield 0;
            }
            default -> throw new IllegalArgumentException("command: '" + args[0] + "' is not run, report or reset");
        };
        System.exit(status);
    }

    private static int run(Map<String, String> o) throws Exception {
        Scale scale = o.containsKey("--quick") ? Scale.quick() : Scale.full();
        var ctx = new BenchContext(Path.of(need(o, "--root")), Path.of(need(o, "--state")), need(o, "--kafka"), need(o, "--clickhouse-url"),
                Integer.parseInt(need(o, "--clickhouse-port")), o.getOrDefault("--ingest", ""), o.getOrDefault("--analytics", ""),
                System.getProperty("java.class.path"), scale);
        Path results = Path.of(need(o, "--results"));
        int failed = 0;
        for (String name : need(o, "--rows").split(",")) {
            Supplier<BenchRow> row = ROWS.get(name);
            if (row == null) {
                throw new IllegalArgumentException("rows: '" + name + "' is not one of " + ROWS.keySet());
            }
            long started = System.nanoTime();
            log.info("{}: measuring ({} run)", name, scale.name());
            try {
                List<Result> rows = row.get().run(ctx);
                append(results, rows);
                log.info("{}: done in {} s", name, (System.nanoTime() - started) / 1_000_000_000);
            } catch (Exception | AssertionError e) {
                failed++;
                log.error("{}: FAILED after {} s: {}", name, (System.nanoTime() - started) / 1_000_000_000, e.toString(), e);
                append(results, List.of(new Result(name, "FAILED: " + e.getMessage(), null, null, null, "-", null, null, null, "the run failed")));
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static int report(Map<String, String> o) throws Exception {
        Path results = Path.of(need(o, "--results"));
        List<Result> rows = Files.exists(results) ? JSON.readValue(results.toFile(), new TypeReference<List<Result>>() { }) : List.of();
        var report = new Report(LocalDate.now(ZoneOffset.UTC).toString(), o.getOrDefault("--mode", "full"),
                Machine.now(o.getOrDefault("--load-before", "unknown")), order(rows));
        Path out = Path.of(need(o, "--out"));
        report.writeJson(out);
        String markdown = report.markdown();
        if (o.containsKey("--markdown")) {
            Files.writeString(Path.of(o.get("--markdown")), markdown);
        }
        System.out.println(markdown);
        System.out.println("written: " + out + (o.containsKey("--markdown") ? " and " + o.get("--markdown") : ""));
        return rows.stream().anyMatch(r -> r.metric().startsWith("FAILED")) ? 1 : 0;
    }

    /** The rows in the issue's order, whatever order the phases measured them in. */
    static List<Result> order(List<Result> rows) {
        List<String> paths = new ArrayList<>(ROWS.keySet());
        List<Result> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(index(paths, a.path()), index(paths, b.path())));
        return sorted;
    }

    private static int index(List<String> paths, String path) {
        int i = paths.indexOf(path);
        return i < 0 ? paths.size() : i;
    }

    private static void append(Path results, List<Result> rows) throws Exception {
        List<Result> all = new ArrayList<>();
        if (Files.exists(results)) {
            all.addAll(JSON.readValue(results.toFile(), new TypeReference<List<Result>>() { }));
        }
        all.addAll(rows);
        JSON.writeValue(results.toFile(), all);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("'" + args[i] + "': expected an option (--name)");
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            o.put(args[i], flag ? "true" : args[++i]);
        }
        return o;
    }

    private static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + ": required");
        }
        return v;
    }
}
