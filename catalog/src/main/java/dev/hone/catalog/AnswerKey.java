package dev.hone.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A question's key as written in the bank: a single value (an option id, or the expected
 * output of a code_output snippet) or a list of option ids.
 */
@JsonDeserialize(using = AnswerKey.Reader.class)
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

    /**
     * Reads a key as written: scalars keep their source text, so {@code answer: True} stays
     * {@code True} (Python's spelling) rather than becoming a YAML boolean printed as {@code true},
     * and {@code answer: 1.0} stays {@code 1.0}.
     */
    static final class Reader extends StdDeserializer<AnswerKey> {

        Reader() {
            super(AnswerKey.class);
        }

        @Override
        public AnswerKey deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                List<String> ids = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!parser.currentToken().isScalarValue()) {
                        return context.reportInputMismatch(AnswerKey.class, "a key lists option ids, not nested values");
                    }
                    ids.add(parser.getText());
                }
                return ofOptions(ids);
            }
            if (!parser.currentToken().isScalarValue()) {
                return context.reportInputMismatch(AnswerKey.class, "a key is an option id, a list of option ids, or text");
            }
            return ofText(parser.getText());
        }
    }

    @JsonValue
    Object toJson() {
        return isList() ? optionIds : text;
    }
}
