package dev.hone.catalog;

import java.util.List;

/**
 * What a learner may see of a question before answering it: no key, no explanation, and no
 * option's {@code why} (each names a distractor). Serve this, not {@link Question}, until the
 * learner has answered; grading happens on the server only. A self-assessed question's rubric
 * is its checklist, not a key, so it stays.
 */
public record PublicQuestion(
        String id,
        String topic,
        List<String> secondaryTopics,
        QuestionKind kind,
        int difficulty,
        int version,
        List<String> tracks,
        String stem,
        String code,
        List<Option> options,
        List<RubricPoint> rubric) {

    public PublicQuestion {
        secondaryTopics = List.copyOf(secondaryTopics);
        tracks = List.copyOf(tracks);
        options = List.copyOf(options);
        rubric = List.copyOf(rubric);
    }

    public static PublicQuestion of(Question question) {
        List<Option> options = question.options().stream().map(o -> new Option(o.id(), o.text())).toList();
        return new PublicQuestion(question.id(), question.topic(), question.secondaryTopics(), question.kind(),
                question.difficulty(), question.version(), question.tracks(), question.stem(), question.code(),
                options, question.rubric());
    }

    /** A choice as shown: its id and text only. */
    public record Option(String id, String text) {
    }
}
