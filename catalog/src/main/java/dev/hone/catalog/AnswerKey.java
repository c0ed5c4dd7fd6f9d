package dev.hone.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A question's key as written in the bank: a single value (an option id, or the expected
 * output of a code_output snippet) or a list of option ids.
 */
public record AnswerKey(String text, List<String> optionIds) {

    public AnswerKey {
        optionIds = optionIds == null ? null : List.copyOf(optionIds);
    }

    public static AnswerKey ofText(String text) {
        return new AnswerKey(text, null);
    }

    public static AnswerKey ofOptions(List<String> optionIds) {
        return new AnswerKey(null, optionIds);
    }

    public boolean isList() {
        return optionIds != null;
    }

    /** The ids a choice question's key names: the list, or the single id. */
    public List<String> keyedOptionIds() {
        return isList() ? optionIds : (text == null ? List.of() : List.of(text));
    }

    @JsonCreator
    static AnswerKey fromYaml(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> ids = new ArrayList<>();
            node.forEach(item -> ids.add(item.asText()));
            return ofOptions(ids);
        }
        return ofText(node.asText());
    }

    @JsonValue
    Object toJson() {
        return isList() ? optionIds : text;
    }
}
