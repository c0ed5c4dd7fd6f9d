package dev.hone.model.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hone.model.data.BadRowException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTests {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(ReplayCommandTests.class.getResource("/replay/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyModelIsScoredOnARealSliceInOneTable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path report = dir.resolve("report.json");

        int code = ReplayCommand.run(new String[] {resource("algebra05-slice.csv").toString(), "--split-learners", "0.7",
                "--model", "all", "--report", report.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), QUIET);

        assertThat(code).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("baseline", "bkt", "elo-pfa-noforget", "elo-pfa ");
        String json = Files.readString(report);
        assertThat(json).contains("\"model\": \"elo-pfa\"", "\"answers\"", "\"learners\"", "\"auc\"", "\"rmse\"",
                "\"logLoss\"", "\"accuracy\"", "\"ece\"", "\"answersPerSecond\"", "\"bytesPerLearner\"", "\"badRows\"");
    }

    @Test
    void theProductionModelLearnsSomethingOnTheSlice() throws IOException {
        List<ModelResult> results = ReplayCommand.replay(new String[] {resource("algebra05-slice.csv").toString(),
                "--model", "elo-pfa"}, QUIET);

        ModelResult r = results.get(0);
        assertThat(r.answers()).isEqualTo(400);
        assertThat(r.learners()).isEqualTo(4);
        assertThat(r.auc()).isGreaterThan(0.6);
        assertThat(r.bytesPerLearner()).isPositive().isLessThan(2048);
    }

    @Test
    void twoReplaysGiveIdenticalFigures() throws IOException {
        String[] args = {resource("algebra05-slice.csv").toString(), "--split-learners", "0.7", "--model", "all",
                "--by-skill"};

        List<ModelResult> first = ReplayCommand.replay(args, QUIET);
        List<ModelResult> second = ReplayCommand.replay(args, QUIET);

        assertThat(first).hasSize(4);
        assertThat(first).map(ModelResult::deterministicPart).isEqualTo(second.stream().map(ModelResult::deterministicPart).toList());
    }

    @Test
    void badRowsAreCountedWithTheirLineNumbers() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                learner_id,item_id,skill_ids,correct,timestamp
                u1,i1,s1,1,100
                u1,i2,s1,maybe,160
                u1,i3,s1,0,220
                u1,i4
                u2,i1,s1,1,100
                """);

        ModelResult r = ReplayCommand.replay(new String[] {file.toString(), "--model", "baseline"}, QUIET).get(0);

        assertThat(r.answers()).isEqualTo(3);
        assertThat(r.badRows()).isEqualTo(2);
        assertThat(r.firstBadRows()).extracting(b -> b.line()).containsExactly(3L, 5L);
        assertThatThrownBy(() -> ReplayCommand.replay(new String[] {file.toString(), "--strict"}, QUIET))
                .isInstanceOf(BadRowException.class).hasMessageContaining("line 3");
    }

    @Test
    void bySkillReportsTheAucOfEachSkill() throws IOException {
        ModelResult r = ReplayCommand.replay(new String[] {resource("assist09-slice.csv").toString(), "--model",
                "baseline", "--by-skill"}, QUIET).get(0);

        assertThat(r.bySkill()).isNotEmpty();
        assertThat(r.bySkill().stream().mapToLong(ModelResult.SkillResult::answers).sum()).isGreaterThanOrEqualTo(r.answers());
    }

    @Test
    void anUnknownModelIsRefused() {
        assertThatThrownBy(() -> ReplayCommand.replay(new String[] {resource("assist09-slice.csv").toString(), "--model",
                "dkt"}, QUIET)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown model dkt");
    }
}
