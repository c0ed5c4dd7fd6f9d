package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.QuestionKind;
import dev.hone.ingest.answer.AnswerRequest;
import dev.hone.ingest.web.FieldError;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an xAPI 1.0.3 "answered" statement as Hone's answer. The contract checks of the answer
 * itself (id shapes, ranges, the question and its grading) stay with the answer service; this
 * class only knows the statement's shape:
 * <ul>
 *   <li>{@code id} (UUID, optional) -> eventId</li>
 *   <li>{@code actor}: an Agent identified by {@code account.name} (-> learnerId) or by
 *       {@code mbox} {@code mailto:ADDRESS} (-> learnerId ADDRESS)</li>
 *   <li>{@code verb.id} must be {@value Xapi#ANSWERED}</li>
 *   <li>{@code object.id} = {@link XapiSettings#activityBase()} + questionId</li>
 *   <li>{@code result.response} -> response (for multi_choice and self_assessed questions the
 *       ids joined by {@value Xapi#ITEM_SEPARATOR}, as xAPI's choice interactions write them);
 *       {@code result.duration} (ISO 8601, e.g. PT5.2S) -> responseMs;
 *       {@code result.success} and {@code result.score} are not trusted: Hone grades the response</li>
 *   <li>{@code timestamp} -> answeredAt</li>
 * </ul>
 */
@Component
class StatementReader {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> STATEMENT_FIELDS = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> RESULT_FIELDS = Set.of("success", "completion", "response", "duration", "score", "extensions");

    private final Catalog catalog;
    private final String activityBase;

    StatementReader(Catalog catalog, XapiSettings settings) {
        this.catalog = catalog;
        this.activityBase = settings.activityBase();
    }

    /** The answer the statement stands for, or the statement's fields at fault (named by their xAPI paths). */
    record Read(AnswerRequest answer, List<FieldError> errors) {
    }

    Read read(JsonNode statement) {
        List<FieldError> errors = new ArrayList<>();
        if (!statement.isObject()) {
            return new Read(null, List.of(new FieldError("statement", "must be a JSON object")));
        }
        for (Iterator<String> names = statement.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STATEMENT_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a property of an xAPI statement"));
            }
        }
        String eventId = id(statement.get("id"), errors);
        String learnerId = learner(statement.get("actor"), errors);
        verb(statement.get("verb"), errors);
        String questionId = question(statement.get("object"), errors);
        JsonNode result = statement.get("result");
        JsonNode response = null;
        Long responseMs = null;
        if (result == null || !result.isObject()) {
            errors.add(new FieldError("result", "is required: an object with the learner's response"));
        } else {
            for (Iterator<String> names = result.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!RESULT_FIELDS.contains(name)) {
                    errors.add(new FieldError("result." + name, "is not a property of an xAPI result"));
                }
            }
            response = response(result.get("response"), questionId, errors);
            responseMs = duration(result.get("duration"), errors);
        }
        Instant answeredAt = timestamp(statement.get("timestamp"), errors);
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        return new Read(new AnswerRequest(eventId, learnerId, questionId, response, answeredAt, responseMs), List.of());
    }

    private static String id(JsonNode id, List<FieldError> errors) {
        if (id == null) {
            return null;
        }
        if (!id.isTextual() || !UUID_SHAPE.matcher(id.asText()).matches()) {
            errors.add(new FieldError("id", "must be a UUID such as 5b2f0c3e-7a1d-4c55-9d6e-0f4b8f1a2c3d"));
            return null;
        }
        return id.asText().toLowerCase(java.util.Locale.ROOT);
    }

    private static String learner(JsonNode actor, List<FieldError> errors) {
        String learner = XapiAgents.learnerId(actor);
        if (learner == null) {
            errors.add(new FieldError("actor", XapiAgents.RULE));
        }
        return learner;
    }

    private static void verb(JsonNode verb, List<FieldError> errors) {
        if (verb == null || !verb.isObject() || !verb.path("id").isTextual()) {
            errors.add(new FieldError("verb.id", "is required"));
        } else if (!Xapi.ANSWERED.equals(verb.path("id").asText())) {
            errors.add(new FieldError("verb.id", "Hone stores only " + Xapi.ANSWERED + " statements"));
        }
    }

    private String question(JsonNode object, List<FieldError> errors) {
        if (object == null || !object.isObject()) {
            errors.add(new FieldError("object", "is required: the Activity of the question answered"));
            return null;
        }
        JsonNode type = object.get("objectType");
        if (type != null && !"Activity".equals(type.asText())) {
            errors.add(new FieldError("object.objectType", "must be Activity"));
        }
        String iri = object.path("id").isTextual() ? object.path("id").asText() : "";
        if (!iri.startsWith(activityBase) || iri.length() == activityBase.length()) {
            errors.add(new FieldError("object.id", "must be " + activityBase + "{questionId}"));
            return null;
        }
        return iri.substring(activityBase.length());
    }

    private JsonNode response(JsonNode response, String questionId, List<FieldError> errors) {
        if (response == null || !response.isTextual()) {
            errors.add(new FieldError("result.response", "is required: a string (choice ids joined by " + Xapi.ITEM_SEPARATOR + ")"));
            return null;
        }
        QuestionKind kind = questionId == null ? null : catalog.question(questionId).map(q -> q.kind()).orElse(null);
        if (kind == QuestionKind.MULTI_CHOICE || kind == QuestionKind.SELF_ASSESSED) {
            var items = JsonNodeFactory.instance.arrayNode();
            String text = response.asText();
            if (!text.isEmpty()) {
                Arrays.stream(text.split(Pattern.quote(Xapi.ITEM_SEPARATOR), -1)).forEach(items::add);
            }
            return items;
        }
        return response;
    }

    private static Long duration(JsonNode duration, List<FieldError> errors) {
        if (duration == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(duration.asText());
            if (!duration.isTextual() || d.isNegative()) {
                throw new DateTimeParseException("negative", duration.asText(), 0);
            }
            return d.toMillis();
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(new FieldError("result.duration", "must be an ISO 8601 duration such as PT5.2S"));
            return null;
        }
    }

    private static Instant timestamp(JsonNode timestamp, List<FieldError> errors) {
        if (timestamp == null) {
            return null;
        }
        try {
            if (!timestamp.isTextual()) {
                throw new DateTimeParseException("not text", timestamp.toString(), 0);
            }
            return OffsetDateTime.parse(timestamp.asText()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("timestamp", "must be an ISO 8601 timestamp with offset such as 2026-11-28T10:15:30Z"));
            return null;
        }
    }
}
