package dev.hone.ingest.answer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.hone.ingest.web.FieldError;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /api/v1/answers/batch}: its items as read one by one
 * ({@link BatchRequestReader}), so an item of the wrong shape is rejected alone.
 */
@JsonDeserialize(using = BatchRequestReader.class)
record BatchRequest(@ArraySchema(schema = @Schema(implementation = AnswerRequest.class)) List<Item> answers) {

    /** One item of the list: an answer read, or why it could not be read. */
    sealed interface Item permits Answer, Unreadable {
    }

    /** An item read as an answer (its values are checked later, with the other answers). */
    record Answer(AnswerRequest request) implements Item {
    }

    /** An item that is not an answer object (a JSON {@code null}, a number, a list) or has a field of the wrong shape. */
    record Unreadable(FieldError why) implements Item {
    }
}
