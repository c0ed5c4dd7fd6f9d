package dev.hone.ingest.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hone.catalog.Question;

import java.util.List;

/** A question as a learner sees it before answering: no key, no explanation, no distractor notes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QuestionView(String id, String topicId, String kind, int difficulty, String stem, String code,
                    List<Choice> options, List<Choice> rubric) {

    record Choice(String id, String text) {
    }

    static QuestionView of(Question q) {
        return new QuestionView(q.id(), q.topic(), q.kind().id(), q.difficulty(), q.stem(), q.code(),
                q.options().stream().map(o -> new Choice(o.id(), o.text())).toList(),
                q.rubric().isEmpty() ? null : q.rubric().stream().map(r -> new Choice(r.id(), r.text())).toList());
    }
}
