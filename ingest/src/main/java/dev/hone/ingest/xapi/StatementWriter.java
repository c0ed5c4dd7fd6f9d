package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one of Hone's stored answers (a row of the analytics service's answer history) as an
 * xAPI 1.0.3 "answered" statement: the statement id is the answer's eventId, so a learning
 * record store that reads the same answer twice sees one statement.
 */
final class StatementWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatementWriter() {
    }

    /**
     * @param answer       {eventId, questionId, kind, correct, score, chosenOptions, responseMs, answeredAt, recordedAt}
     * @param actor        the Agent as the client named the learner (echoed, so it matches its query)
     * @param activityBase the IRI prefix of questions
     */
    static ObjectNode statement(JsonNode answer, JsonNode actor, String activityBase) {
        ObjectNode statement = JSON.objectNode();
        statement.put("id", answer.path("eventId").asText());
        statement.set("actor", actor);
        ObjectNode verb = statement.putObject("verb");
        verb.put("id", Xapi.ANSWERED);
        verb.putObject("display").put("en-US", "answered");
        ObjectNode object = statement.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", activityBase + answer.path("questionId").asText());
        object.putObject("definition").put("type", "http://adlnet.gov/expapi/activities/cmi.interaction");
        ObjectNode result = statement.putObject("result");
        result.put("success", answer.path("correct").asBoolean());
        result.putObject("score").put("scaled", answer.path("score").asDouble());
        List<String> chosen = new ArrayList<>();
        answer.path("chosenOptions").forEach(item -> chosen.add(item.asText()));
        if (!chosen.isEmpty()) {
            // code_output text is not kept in ClickHouse, so those statements carry no response
            result.put("response", String.join(Xapi.ITEM_SEPARATOR, chosen));
        }
        result.put("duration", Duration.ofMillis(answer.path("responseMs").asLong()).toString());
        statement.put("timestamp", answer.path("answeredAt").asText());
        statement.put("stored", answer.path("recordedAt").asText());
        statement.put("version", Xapi.VERSION);
        return statement;
    }
}
