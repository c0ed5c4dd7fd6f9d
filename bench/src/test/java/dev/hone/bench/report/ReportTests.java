package dev.hone.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

    private static final Machine MACHINE = new Machine(2, 24_000, "1.00 2.00 3.00", "2.00 2.00 3.00", "Debian 17.0.15", "Linux");

    @Test
    void ratioIsHoneOverPeerAndTheGoalReadsIt() {
        Result r = Result.of("ingest", "answers/s", Summary.of(List.of(40.0, 50.0, 60.0)), Summary.of(List.of(90.0, 100.0, 110.0)),
                Goal.ratioAtLeast(0.5), "");

        assertThat(r.hone()).isEqualTo(50.0);
        assertThat(r.peer()).isEqualTo(100.0);
        assertThat(r.ratio()).isEqualTo(0.5);
        assertThat(r.met()).isTrue();
    }

    @Test
    void aLatencyGoalReadsHonesFigureAndARowWithoutGoalHasNoVerdict() {
        Result slow = Result.of("queue", "p99 ms", Summary.of(List.of(25.0, 30.0, 35.0)), null, Goal.below(20, "p99 < 20 ms"), "");
        Result size = Result.of("memory", "bytes per answer", Summary.of(List.of(40.0)), null, Goal.report(), "");

        assertThat(slow.met()).isFalse();
        assertThat(slow.ratio()).isNull();
        assertThat(size.met()).isNull();
    }

    @Test
    void jsonHoldsTheIssuesRowFieldsAndTheMachineAndReadsBack(@TempDir Path dir) throws Exception {
        Result r = Result.of("loader", "rows/s", Summary.of(List.of(1.0, 2.0, 3.0)), Summary.of(List.of(4.0, 8.0, 6.0)), Goal.ratioAtLeast(0.5), "");
        Path file = dir.resolve("results/2026-11-28.json");

        new Report("2026-11-28", "quick", MACHINE, List.of(r)).writeJson(file);
        String json = java.nio.file.Files.readString(file);
        Report back = Report.readJson(file);

        assertThat(json).contains("\"path\"", "\"metric\"", "\"hone\"", "\"peer\"", "\"ratio\"", "\"goal\"", "\"met\"", "\"machine\"", "\"cores\"");
        assertThat(back.rows()).containsExactly(r);
        assertThat(back.machine()).isEqualTo(MACHINE);
    }

    @Test
    void markdownHasOneLinePerRowAndMarksMissedGoals() {
        Result missed = Result.of("loader", "rows/s", Summary.of(List.of(1.0, 2.0, 3.0)), Summary.of(List.of(10.0, 10.0, 10.0)),
                Goal.ratioAtLeast(0.5), "");
        Result met = Result.of("replay", "answers/s", Summary.of(List.of(300_000.0, 310_000.0, 320_000.0)), null,
                Goal.atLeast(200_000, ">= 200,000/s"), "");

        String table = new Report("2026-11-28", "quick", MACHINE, List.of(missed, met)).markdown();

        assertThat(table).contains("2 cores", "load average 1.00 2.00 3.00 before");
        assertThat(table).contains("| loader | rows/s | 2.000 | 10.0 | 0.20 | 100% / 0% (3 runs) | ratio >= 0.5 | **no** |");
        assertThat(table).contains("| replay | answers/s | 310,000 | - | - | 6% / - (3 runs) | >= 200,000/s | yes |");
    }
}
