package dev.hone.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The bench's output: {@code {date, mode, machine, rows: [{path, metric, hone, peer, ratio, goal, met, ...}]}}
 * as JSON, and the same rows as a Markdown table.
 */
public record Report(String date, String mode, Machine machine, List<Result> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Report {
        rows = List.copyOf(rows);
    }

    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    public static Report readJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Report.class);
    }

    public String markdown() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s, %s run; %d cores, %,d MiB, %s; load average %s before, %s after%n%n",
                date, mode, machine.cores(), machine.memoryMiB(), machine.jdk(), machine.loadBefore(), machine.loadAfter()));
        out.append("| path | metric | Hone | peer | ratio | spread (Hone / peer) | goal | met |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Result r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.path(), r.metric(),
                    number(r.hone()), number(r.peer()), r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    spread(r), r.goal(), r.met() == null ? "-" : r.met() ? "yes" : "**no**"));
        }
        return out.toString();
    }

    static String number(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String spread(Result r) {
        String h = r.honeRuns() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.honeRuns().spread());
        String p = r.peerRuns() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.peerRuns().spread());
        int n = r.honeRuns() != null ? r.honeRuns().runs().size() : r.peerRuns() != null ? r.peerRuns().runs().size() : 0;
        return h + " / " + p + " (" + n + " runs)";
    }
}
