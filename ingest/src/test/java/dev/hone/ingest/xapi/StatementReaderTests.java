package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.ingest.answer.AnswerRequest;
import dev.hone.ingest.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatementReaderTests {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String BASE = "https://hone.dev/questions/";
    private final StatementReader reader = new StatementReader(CATALOG, new XapiSettings(BASE, 500));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void mapsAnAnsweredStatementOntoHonesAnswer() throws Exception {
        Question q = first(QuestionKind.SINGLE_CHOICE);

        var read = reader.read(json.readTree("""
                {"id":"5B2F0C3E-7A1D-4C55-9D6E-0F4B8F1A2C3D",
                 "actor":{"objectType":"Agent","account":{"homePage":"https://hone.dev","name":"ada"}},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
                 "object":{"objectType":"Activity","id":"%s%s"},
                 "result":{"success":true,"response":"b","duration":"PT5.2S"},
                 "timestamp":"2026-11-28T10:15:30+01:00"}""".formatted(BASE, q.id())));

        assertThat(read.errors()).isEmpty();
        AnswerRequest answer = read.answer();
        assertThat(answer.eventId()).isEqualTo("5b2f0c3e-7a1d-4c55-9d6e-0f4b8f1a2c3d");
        assertThat(answer.learnerId()).isEqualTo("ada");
        assertThat(answer.questionId()).isEqualTo(q.id());
        assertThat(answer.response().asText()).isEqualTo("b");
        assertThat(answer.responseMs()).isEqualTo(5200);
        assertThat(answer.answeredAt()).isEqualTo(Instant.parse("2026-11-28T09:15:30Z"));
    }

    @Test
    void takesTheLearnerFromAnMboxAndSplitsAChoiceListResponse() throws Exception {
        Question q = first(QuestionKind.MULTI_CHOICE);

        var read = reader.read(statement("{\"mbox\":\"mailto:ada@example.com\"}", "http://adlnet.gov/expapi/verbs/answered", BASE + q.id(), "\"a[,]c\""));

        assertThat(read.answer().learnerId()).isEqualTo("ada@example.com");
        assertThat(read.answer().response().isArray()).isTrue();
        assertThat(read.answer().response()).extracting(JsonNode::asText).containsExactly("a", "c");
    }

    @Test
    void rejectsAnotherVerbWithTheReason() throws Exception {
        var read = reader.read(statement("{\"account\":{\"homePage\":\"h\",\"name\":\"ada\"}}",
                "http://adlnet.gov/expapi/verbs/experienced", BASE + "core.gil.q01", "\"a\""));

        assertThat(read.errors()).extracting(FieldError::field).containsExactly("verb.id");
        assertThat(read.errors().get(0).reason()).contains("answered");
    }

    @Test
    void rejectsGroupsForeignActivitiesAndBadDurationsNamingEachField() throws Exception {
        var read = reader.read(json.readTree("""
                {"id":"not-a-uuid","actor":{"objectType":"Group","member":[]},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},
                 "object":{"id":"https://example.com/q/1"},
                 "result":{"response":"a","duration":"five seconds","colour":"red"},
                 "timestamp":"yesterday","extra":1}"""));

        assertThat(read.answer()).isNull();
        assertThat(read.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "extra", "id", "actor", "object.id", "result.colour", "result.duration", "timestamp");
    }

    @Test
    void requiresAResult() throws Exception {
        var read = reader.read(json.readTree("""
                {"actor":{"account":{"homePage":"h","name":"ada"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"},
                 "object":{"id":"%score.gil.q01"}}""".formatted(BASE)));

        assertThat(read.errors()).extracting(FieldError::field).containsExactly("result");
    }

    private JsonNode statement(String actor, String verb, String object, String response) throws Exception {
        return json.readTree("{\"actor\":" + actor + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"id\":\"" + object
                + "\"},\"result\":{\"response\":" + response + "}}");
    }

    private static Question first(QuestionKind kind) {
        return CATALOG.questions().stream().filter(q -> q.kind() == kind).findFirst().orElseThrow();
    }
}
