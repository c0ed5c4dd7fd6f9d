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

    /** One item: the answer read, or why it could not be read; neither for a JSON {@code null}. */
    record Item(AnswerRequest answer, FieldError unreadable) {
    }
}
