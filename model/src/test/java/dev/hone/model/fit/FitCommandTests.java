package dev.hone.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hone.model.IdIndex;
import dev.hone.model.LearnerModel;
import dev.hone.model.Params;
import dev.hone.model.registry.LearnerModels;
import dev.hone.model.replay.ModelResult;
import dev.hone.model.replay.ReplayCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTests {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @TempDir
    Path dir;

    private static Path slice() throws URISyntaxException {
        return Path.of(FitCommandTests.class.getResource("/replay/assist09-slice.csv").toURI());
    }

    @Test
    void aParamsFileReproducesTheReplayThatFittedInProcess() throws Exception {
        Path params = dir.resolve("params.properties");

        FitCommand.run(new String[] {slice().toString(), "--out", params.toString()}, QUIET, QUIET);
        List<ModelResult> fitted = ReplayCommand.replay(new String[] {slice().toString(), "--train", slice().toString(),
                "--model", "all"}, QUIET);
        List<ModelResult> loaded = ReplayCommand.replay(new String[] {slice().toString(), "--train", slice().toString(),
                "--model", "all", "--params", params.toString()}, QUIET);

        assertThat(loaded).map(ModelResult::deterministicPart)
                .isEqualTo(fitted.stream().map(ModelResult::deterministicPart).toList());
    }

    @Test
    void fittingTwiceWritesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.properties");
        Path b = dir.resolve("b.properties");

        FitCommand.run(new String[] {slice().toString(), "--out", a.toString(), "--model", "elo-pfa,bkt"}, QUIET, QUIET);
        FitCommand.run(new String[] {slice().toString(), "--out", b.toString(), "--model", "elo-pfa,bkt"}, QUIET, QUIET);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void theRecommenderBuildsTheProductionModelFromTheParamsFile() throws Exception {
        Path file = dir.resolve("p.properties");
        FitCommand.run(new String[] {slice().toString(), "--out", file.toString(), "--model", "elo-pfa"}, QUIET, QUIET);

        LearnerModel model = LearnerModels.production(Params.load(file), new IdIndex());
        var items = LearnerModels.items(LearnerModels.DEFAULT, Params.load(file), new IdIndex());

        assertThat(model.name()).isEqualTo("elo-pfa");
        assertThat(items.get("a09-i1619").answers()).isPositive();
    }

    @Test
    void everyModelHasFittedParameters() throws IOException, URISyntaxException {
        Path file = dir.resolve("all.properties");

        FitCommand.run(new String[] {slice().toString(), "--out", file.toString()}, QUIET, QUIET);

        Params p = Params.load(file);
        assertThat(p.has("baseline.priorStrength")).isTrue();
        assertThat(p.has("bkt.pooled")).isTrue();
        assertThat(p.has("elo-pfa.bias")).isTrue();
        assertThat(p.has("elo-pfa-noforget.bias")).isTrue();
        assertThat(p.withPrefix("elo-pfa.item.")).isNotEmpty();
    }
}
