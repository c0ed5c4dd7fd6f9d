package dev.hone.catalog.grading;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.CatalogLoader;
import dev.hone.catalog.Question;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Grading per kind (catalog/FORMAT.md), on questions loaded from the valid fixture bank. */
class GraderTests {

    private final Catalog bank = load();
    private final Grader grader = new Grader();

    @Test
    void gradesASingleChoiceAnswer() {
        Question q = question("core.gil.q01");

        assertThat(grader.grade(q, Response.ofText("a"))).isEqualTo(new Grade(true, 1.0));
        assertThat(grader.grade(q, Response.ofText("b"))).isEqualTo(new Grade(false, 0.0));
        assertThat(grader.grade(q, Response.ofItems(List.of("a")))).isEqualTo(new Grade(true, 1.0));
    }

    @Test
    void givesFullCreditForExactlyTheKeyOfAMultiChoiceQuestion() {
        Grade grade = grader.grade(question("core.gil.q02"), Response.ofItems(List.of("b", "a")));

        assertThat(grade).isEqualTo(new Grade(true, 1.0));
    }

    @Test
    void givesPartialCreditForRightPicksLessWrongPicksOverTheKeySize() {
        Question q = question("core.gil.q02");

        Grade half = grader.grade(q, Response.ofItems(List.of("a")));
        Grade rightAndWrong = grader.grade(q, Response.ofItems(List.of("a", "c")));
        Grade everything = grader.grade(q, Response.ofItems(List.of("a", "b", "c")));
        Grade nothing = grader.grade(q, Response.ofItems(List.of()));

        assertThat(half.score()).isCloseTo(0.5, within(1e-9));
        assertThat(half.correct()).isFalse();
        assertThat(rightAndWrong.score()).isZero();
        assertThat(everything.score()).isCloseTo(0.5, within(1e-9));
        assertThat(everything.correct()).isFalse();
        assertThat(nothing).isEqualTo(new Grade(false, 0.0));
    }

    @Test
    void gradesPrintedOutputAfterNormalisingTrailingWhitespace() {
        Question q = question("core.gil.q04");

        assertThat(grader.grade(q, Response.ofText("[0, 1, 4]  \r\nFalse\n\n"))).isEqualTo(new Grade(true, 1.0));
        assertThat(grader.grade(q, Response.ofText("[0, 1, 4]\nTrue"))).isEqualTo(new Grade(false, 0.0));
        assertThat(grader.grade(q, Response.ofText(" [0, 1, 4]\nFalse"))).isEqualTo(new Grade(false, 0.0));
    }

    @Test
    void acceptsAnExceptionNamedInAnyOfTheDocumentedSpellings() {
        Question q = question("core.gil.q03");

        assertThat(grader.grade(q, Response.ofText("raises: KeyError")).correct()).isTrue();
        assertThat(grader.grade(q, Response.ofText("raises KeyError")).correct()).isTrue();
        assertThat(grader.grade(q, Response.ofText("KeyError\n")).correct()).isTrue();
        assertThat(grader.grade(q, Response.ofText("raises: builtins.KeyError")).correct()).isTrue();
    }

    @Test
    void rejectsAnotherExceptionOrPrintedTextForACodeOutputThatRaises() {
        Question q = question("core.gil.q03");

        assertThat(grader.grade(q, Response.ofText("raises: IndexError")).correct()).isFalse();
        assertThat(grader.grade(q, Response.ofText("None")).correct()).isFalse();
        assertThat(grader.grade(q, Response.ofText("raisesKeyError")).correct()).isFalse();
    }

    @Test
    void scoresASelfAssessedAnswerByTheShareOfRubricPointsCovered() {
        Question q = question("core.gil.q05");

        Grade one = grader.grade(q, Response.ofItems(List.of("r2")));
        Grade two = grader.grade(q, Response.ofItems(List.of("r1", "r3")));

        assertThat(one.score()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(one.correct()).isFalse();
        assertThat(two.score()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(two.correct()).isTrue();
    }

    @Test
    void rejectsResponsesOfTheWrongShapeInsteadOfScoringThemZero() {
        assertThatThrownBy(() -> grader.grade(question("core.gil.q01"), Response.ofText("z")))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("'z' is not an option");
        assertThatThrownBy(() -> grader.grade(question("core.gil.q02"), Response.ofText(null)))
                .isInstanceOf(InvalidResponseException.class);
        assertThatThrownBy(() -> grader.grade(question("core.gil.q02"), Response.ofItems(List.of("a", "a"))))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("chosen twice");
        assertThatThrownBy(() -> grader.grade(question("core.gil.q04"), Response.ofItems(List.of("x"))))
                .isInstanceOf(InvalidResponseException.class);
        assertThatThrownBy(() -> grader.grade(question("core.gil.q05"), Response.ofItems(List.of("r9"))))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("'r9' is not a rubric point");
    }

    private Question question(String id) {
        return bank.question(id).orElseThrow();
    }

    private static Catalog load() {
        try {
            return CatalogLoader.fromDirectory(Path.of(GraderTests.class.getResource("/valid").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
