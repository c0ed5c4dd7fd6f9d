package dev.hone.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a question is asked and graded; see catalog/FORMAT.md. */
public enum QuestionKind {
    SINGLE_CHOICE("single_choice"),
    MULTI_CHOICE("multi_choice"),
    CODE_OUTPUT("code_output"),
    SELF_ASSESSED("self_assessed");

    private final String id;

    QuestionKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    @JsonCreator
    public static QuestionKind fromId(String id) {
        for (QuestionKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown question kind '" + id + "' (expected single_choice, multi_choice, code_output or self_assessed)");
    }
}
