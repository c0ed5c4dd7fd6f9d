package dev.hone.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/** A question of the bank with its key; see catalog/FORMAT.md for each field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String id,
        String topic,
        QuestionKind kind,
        int difficulty,
        int version,
        List<String> tracks,
        List<String> secondaryTopics,
        String stem,
        String code,
        List<QuestionOption> options,
        AnswerKey answer,
        List<RubricPoint> rubric,
        String explanation,
        List<String> references) {

    public Question {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        secondaryTopics = secondaryTopics == null ? List.of() : List.copyOf(secondaryTopics);
        options = options == null ? List.of() : List.copyOf(options);
        rubric = rubric == null ? List.of() : List.copyOf(rubric);
        references = references == null ? List.of() : List.copyOf(references);
        version = version <= 0 ? 1 : version;
    }

    /** Returns a copy that belongs to {@code topicId} (questions take their topic from their file). */
    public Question withTopic(String topicId) {
        return new Question(id, topicId, kind, difficulty, version, tracks, secondaryTopics, stem, code,
                options, answer, rubric, explanation, references);
    }

    /** The question without its key, explanation and distractor notes, for serving before an answer. */
    public PublicQuestion withoutKey() {
        return PublicQuestion.of(this);
    }

    public Optional<QuestionOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** The topic and any secondary topics: every skill an answer to this question informs. */
    public List<String> skills() {
        if (secondaryTopics.isEmpty()) {
            return List.of(topic);
        }
        var all = new java.util.ArrayList<String>(1 + secondaryTopics.size());
        all.add(topic);
        for (String secondary : secondaryTopics) { // a loop: ingest asks this for every answer it grades
            if (!secondary.equals(topic)) {
                all.add(secondary);
            }
        }
        return List.copyOf(all);
    }
}
