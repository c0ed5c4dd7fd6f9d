package dev.hone.catalog.grading;

import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionOption;
import dev.hone.catalog.RubricPoint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades a response against a question's key, on the server only. Rules per kind are in
 * catalog/FORMAT.md; a response of the wrong shape for the kind is rejected, not scored 0,
 * so a client bug is not mistaken for a wrong answer.
 */
public final class Grader {

    /** Self-assessed answers count as correct from this covered share on. */
    public static final double SELF_ASSESSED_PASS = 0.5;

    public Grade grade(Question question, Response response) {
        if (response == null) {
            throw new InvalidResponseException("response", "is required");
        }
        return switch (question.kind()) {
            case SINGLE_CHOICE -> single(question, response);
            case MULTI_CHOICE -> multi(question, response);
            case CODE_OUTPUT -> codeOutput(question, response);
            case SELF_ASSESSED -> selfAssessed(question, response);
        };
    }

    private Grade single(Question question, Response response) {
        String chosen = response.isList() && response.items().size() == 1 ? response.items().get(0) : response.text();
        if (chosen == null) {
            throw new InvalidResponseException("response", "a single_choice question takes one option id");
        }
        requireOption(question, chosen);
        boolean correct = question.answer().keyedOptionIds().contains(chosen);
        return Grade.of(correct ? 1 : 0, correct);
    }

    private Grade multi(Question question, Response response) {
        if (!response.isList() && response.text() == null) {
            throw new InvalidResponseException("response", "a multi_choice question takes the list of option ids you chose");
        }
        List<String> chosen = response.isList() ? response.items() : List.of(response.text());
        Set<String> picks = new HashSet<>();
        for (String id : chosen) {
            requireOption(question, id);
            if (!picks.add(id)) {
                throw new InvalidResponseException("response", "option '" + id + "' is chosen twice");
            }
        }
        Set<String> key = Set.copyOf(question.answer().keyedOptionIds());
        long right = picks.stream().filter(key::contains).count();
        long wrong = picks.size() - right;
        double score = Math.max(0.0, (double) (right - wrong) / key.size());
        return Grade.of(score, right == key.size() && wrong == 0);
    }

    private Grade codeOutput(Question question, Response response) {
        if (response.isList()) {
            throw new InvalidResponseException("response", "a code_output question takes text: the printed output or 'raises: ExceptionName'");
        }
        boolean correct = CodeOutput.matches(question.answer().text(), response.text());
        return Grade.of(correct ? 1 : 0, correct);
    }

    private Grade selfAssessed(Question question, Response response) {
        if (!response.isList()) {
            throw new InvalidResponseException("response", "a self_assessed question takes the list of rubric point ids you covered (may be empty)");
        }
        Set<String> covered = new HashSet<>(response.items());
        for (String id : covered) {
            if (question.rubric().stream().map(RubricPoint::id).noneMatch(id::equals)) {
                throw new InvalidResponseException("response", "'" + id + "' is not a rubric point of question " + question.id());
            }
        }
        double score = question.rubric().isEmpty() ? 0 : (double) covered.size() / question.rubric().size();
        return Grade.of(score, score >= SELF_ASSESSED_PASS);
    }

    /** A loop, not a stream: ingest grades every answer here, and building a stream over four options was 5% of a batch. */
    private static void requireOption(Question question, String optionId) {
        for (QuestionOption option : question.options()) {
            if (option.id().equals(optionId)) {
                return;
            }
        }
        throw new InvalidResponseException("response", "'" + optionId + "' is not an option of question " + question.id());
    }
}
