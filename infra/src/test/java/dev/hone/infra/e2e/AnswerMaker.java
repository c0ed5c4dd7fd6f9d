package dev.hone.infra.e2e;

import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionOption;
import dev.hone.catalog.RubricPoint;

import java.util.List;

/** Builds a right or a wrong response to any question, from the bank's key. */
final class AnswerMaker {

    private AnswerMaker() {
    }

    static Object right(Question q) {
        return switch (q.kind()) {
            case SINGLE_CHOICE -> q.answer().keyedOptionIds().get(0);
            case MULTI_CHOICE -> q.answer().keyedOptionIds();
            case CODE_OUTPUT -> q.answer().text();
            case SELF_ASSESSED -> q.rubric().stream().map(RubricPoint::id).toList();
        };
    }

    static Object wrong(Question q) {
        List<String> distractors = q.options().stream().map(QuestionOption::id)
                .filter(id -> !q.answer().keyedOptionIds().contains(id)).toList();
        return switch (q.kind()) {
            case SINGLE_CHOICE -> distractors.get(0);
            case MULTI_CHOICE -> List.of(distractors.get(0));
            case CODE_OUTPUT -> "certainly not the output";
            case SELF_ASSESSED -> List.of();
        };
    }
}
