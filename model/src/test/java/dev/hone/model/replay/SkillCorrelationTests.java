package dev.hone.model.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-skill correlation recovers how much of a synthetic learner's level is shared across skills. */
class SkillCorrelationTests {

    @TempDir
    Path dir;

    /**
     * 3,000 learners, 8 skills, two answers per skill on different items: level on a skill = ability + the skill's
     * deviation, answered right with the logistic of the level.
     */
    private Path log(double abilitySd, double topicSd) throws IOException {
        var random = new SplittableRandom(11);
        var csv = new StringBuilder("learner_id,item_id,skill_ids,correct,timestamp\n");
        long t = 1_577_836_800L;
        for (int learner = 0; learner < 3_000; learner++) {
            double ability = abilitySd * gaussian(random);
            for (int skill = 0; skill < 8; skill++) {
                double level = ability + topicSd * gaussian(random);
                for (int answer = 0; answer < 2; answer++) {
                    boolean right = random.nextDouble() < 1 / (1 + Math.exp(-level));
                    csv.append("u").append(learner).append(",i").append(skill).append('-').append(answer)
                            .append(",s").append(skill).append(',').append(right ? 1 : 0).append(',').append(t += 60).append('\n');
                }
            }
        }
        Path file = dir.resolve("synthetic-" + abilitySd + "-" + topicSd + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private SkillCorrelation.Result measure(Path file) throws IOException {
        var ids = new dev.hone.model.data.Ids();
        return SkillCorrelation.of(dev.hone.model.data.AnswerLog.read(file, ids, new dev.hone.model.data.BadRows(), true, l -> true));
    }

    @Test
    void levelsSharedAcrossSkillsCorrelateNearOne() throws IOException {
        SkillCorrelation.Result r = measure(log(1.2, 0.0));

        assertThat(r.learners()).isEqualTo(3_000);
        assertThat(r.pairs()).isEqualTo(24_000);
        assertThat(r.correlation()).isBetween(0.85, 1.15);
    }

    @Test
    void skillsWithoutAGeneralAbilityCorrelateNearZero() throws IOException {
        assertThat(measure(log(0.0, 1.2)).correlation()).isBetween(-0.1, 0.1);
    }

    @Test
    void equalSpreadsGiveAboutOneHalfAndTheTopicSdBack() throws IOException {
        SkillCorrelation.Result r = measure(log(0.8, 0.8));

        assertThat(r.correlation()).isBetween(0.4, 0.6);
        assertThat(r.impliedTopicSd(0.8)).isBetween(0.6, 1.0);
    }

    @Test
    void theCommandPrintsAndReportsIt() throws IOException {
        Path report = dir.resolve("report.json");
        var out = new ByteArrayOutputStream();

        int code = ReplayCommand.run(new String[] {log(0.8, 0.8).toString(), "--skill-correlation", "--report", report.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(PrintStream.nullOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3,000 learners", "correlation 0.");
        assertThat(Files.readString(report)).contains("\"correlation\"", "\"impliedTopicSd\"", "\"pairs\": 24000");
    }
}
