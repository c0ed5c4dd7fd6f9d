package dev.hone.ingest.answer;

import dev.hone.events.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.grading.Response;
import dev.hone.ingest.web.FieldError;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks an answer's fields against the contract and collects every problem, not just the first. */
@Component
class AnswerValidator {

    private final AnswerLimits limits;
    private final Clock clock;

    AnswerValidator(AnswerLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    List<FieldError> validate(AnswerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.eventId() != null) {
            checkId("eventId", request.eventId(), errors);
        }
        checkId("learnerId", request.learnerId(), errors);
        checkId("questionId", request.questionId(), errors);
        checkResponse(request.response(), errors);
        if (request.responseMs() != null && (request.responseMs() < 0 || request.responseMs() > limits.maxResponseMs())) {
            errors.add(new FieldError("responseMs", "must be between 0 and " + limits.maxResponseMs()));
        }
        if (request.answeredAt() != null) {
            Instant now = clock.instant();
            if (request.answeredAt().isAfter(now.plus(limits.maxClockSkew()))) {
                errors.add(new FieldError("answeredAt", "is in the future (more than " + limits.maxClockSkew().toSeconds() + " s ahead of the server)"));
            } else if (request.answeredAt().isBefore(now.minus(limits.maxAge()))) {
                errors.add(new FieldError("answeredAt", "is older than " + limits.maxAge().toDays() + " days"));
            }
        }
        return errors;
    }

    /** The response as the grader takes it; call only after {@link #validate} found no error. */
    Response toResponse(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return Response.ofItems(items);
        }
        return Response.ofText(node.asText());
    }

    private void checkId(String field, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!Ids.isValid(value)) {
            errors.add(new FieldError(field, Ids.RULE));
        }
    }

    private void checkResponse(JsonNode response, List<FieldError> errors) {
        if (response == null || response.isNull() || response.isMissingNode()) {
            errors.add(new FieldError("response", "is required"));
        } else if (response.isTextual()) {
            if (response.asText().isEmpty()) {
                errors.add(new FieldError("response", "must not be empty"));
            } else if (response.asText().length() > limits.maxResponseChars()) {
                errors.add(new FieldError("response", "is longer than " + limits.maxResponseChars() + " characters"));
            }
        } else if (response.isArray()) {
            if (response.size() > limits.maxChoices()) {
                errors.add(new FieldError("response", "holds more than " + limits.maxChoices() + " ids"));
            }
            for (int i = 0; i < response.size(); i++) {
                JsonNode item = response.get(i);
                if (!item.isTextual() || !Ids.isValid(item.asText())) {
                    errors.add(new FieldError("response[" + i + "]", "must be an option or rubric id"));
                }
            }
        } else {
            errors.add(new FieldError("response", "must be an option id, a list of ids, or text"));
        }
    }
}
