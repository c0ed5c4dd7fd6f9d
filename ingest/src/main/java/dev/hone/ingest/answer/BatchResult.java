package dev.hone.ingest.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.hone.ingest.web.FieldError;

import java.util.List;

/** The outcome of one item of a batch: 202 with its grade, or the status and the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSerialize(using = BatchResultJson.class)
public record BatchResult(int index, int status, String eventId, Boolean correct, Double score, List<FieldError> errors) {

    static BatchResult accepted(int index, String eventId, boolean correct, double score) {
        return new BatchResult(index, 202, eventId, correct, score, null);
    }

    static BatchResult rejected(int index, int status, List<FieldError> errors) {
        return new BatchResult(index, status, null, null, null, errors);
    }
}
