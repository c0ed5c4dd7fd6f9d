package dev.hone.catalog;

import dev.hone.catalog.check.BankValidator;
import dev.hone.catalog.check.CheckOptions;
import dev.hone.catalog.check.CheckReport;
import dev.hone.catalog.check.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank shipped in the jar: it passes {@code hone catalog check} with every snippet run, and
 * it meets the counts issue 4 asks for. These fail until the question content has landed.
 */
class BundledBankTests {

    /** The source folder, so failures name the files authors edit; the tests run in the module folder. */
    private static final Path SOURCE_BANK = Path.of("src", "main", "resources", "catalog");
    private static final Set<String> TECHNICAL_AREAS = Set.of("core", "problem", "advanced", "testing", "perf", "web", "data");

    private final Catalog bank = Catalog.bundled();

    @Test
    void passesTheValidatorWithEverySnippetRunByPython() {
        CheckReport report = new BankValidator(CheckOptions.defaults()).check(SOURCE_BANK);

        assertThat(report.problems()).map(Problem::toString).isEmpty();
        assertThat(report.snippetsRun()).isPositive();
    }

    @Test
    void hasNineAreasOfFourTopics() {
        Map<String, Long> topicsPerArea = bank.topics().stream().collect(Collectors.groupingBy(Topic::area, Collectors.counting()));

        assertThat(bank.areas()).hasSize(9);
        assertThat(topicsPerArea).hasSize(9).allSatisfy((area, count) -> assertThat(count).as(area).isEqualTo(4L));
    }

    @Test
    void hasAtLeastTwelveQuestionsPerTopicAndFourHundredFiftyInAll() {
        Map<String, Integer> perTopic = bank.topics().stream()
                .collect(Collectors.toMap(Topic::id, t -> bank.questionsOf(t.id()).size()));

        assertThat(perTopic).hasSize(36).allSatisfy((topic, count) -> assertThat(count).as(topic).isGreaterThanOrEqualTo(12));
        assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(450);
    }

    @Test
    void usesEveryDifficultyFromOneToFive() {
        Set<Integer> difficulties = bank.questions().stream().map(Question::difficulty).collect(Collectors.toSet());

        assertThat(difficulties).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void makesAtLeastAQuarterOfTheTechnicalQuestionsCodeOutput() {
        var technical = bank.questions().stream()
                .filter(q -> TECHNICAL_AREAS.contains(bank.topic(q.topic()).orElseThrow().area()))
                .toList();
        long codeOutput = technical.stream().filter(q -> q.kind() == QuestionKind.CODE_OUTPUT).count();

        assertThat(technical).isNotEmpty();
        assertThat(codeOutput * 4).as("%d code_output of %d technical questions", codeOutput, technical.size())
                .isGreaterThanOrEqualTo(technical.size());
    }

    @Test
    void loadsInWellUnderASecond() {
        Catalog.bundled();
        long started = System.nanoTime();

        Catalog again = Catalog.bundled();
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("the bundled bank (%d questions) loaded in %d ms after a warm-up%n", again.questions().size(), millis);
        assertThat(millis).isLessThan(1000);
    }
}
