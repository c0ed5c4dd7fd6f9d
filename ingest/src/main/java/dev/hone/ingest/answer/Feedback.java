package dev.hone.ingest.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hone.catalog.Question;

import java.util.List;

/**
 * What a learner sees once they answered: the key, why it is right, why each option they
 * could have picked is wrong, and where to read more. Served only in the answer's response,
 * so a key never reaches a learner before they answered that question.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Feedback(Object answer, String explanation, List<OptionNote> options, List<String> references) {

    /** Why one option is right or wrong. */
    public record OptionNote(String id, boolean key, String why) {
    }

    static Feedback of(Question q) {
        Object answer = switch (q.kind()) {
            case SINGLE_CHOICE, CODE_OUTPUT -> q.answer() == null ? null : q.answer().text();
            case MULTI_CHOICE -> q.answer() == null ? null : q.answer().keyedOptionIds();
            case SELF_ASSESSED -> q.rubric();
        };
        List<String> key = q.answer() == null ? List.of() : q.answer().keyedOptionIds();
        List<OptionNote> notes = q.options().stream()
                .map(o -> new OptionNote(o.id(), key.contains(o.id()), o.why()))
                .toList();
        return new Feedback(answer, q.explanation(), notes, q.references());
    }
}
