package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.events.AnswerRecorded;
import dev.hone.ingest.support.AnswerTopic;
import dev.hone.ingest.support.ApiClient;
import dev.hone.testkit.TestTokens;
import dev.hone.ingest.support.ApiClient.Request;
import dev.hone.testkit.Engines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** xAPI statements on a real broker: mapped onto Hone's answer, all or nothing, ids as the spec says. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests turn metrics export off unless asked; /actuator/prometheus is checked here
class XapiIntegrationTests {

    private static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    private static final Map<String, String> VERSION = Map.of("X-Experience-API-Version", "1.0.3");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("hone.kafka.bootstrap-servers", Engines::kafkaBootstrap);
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void storesAnAnsweredStatementAsHonesAnswerUnderTheStatementId() throws Exception {
        Question q = first(QuestionKind.SINGLE_CHOICE);
        String learner = "xapi-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        var before = AnswerTopic.endOffsets();

        var reply = post(statement(id, learner, ANSWERED, q.id(), q.answer().keyedOptionIds().get(0), "PT7.25S", at.toString()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(json.readTree(reply.body())).containsExactly(json.getNodeFactory().textNode(id));
        var stored = AnswerTopic.between(before, AnswerTopic.endOffsets()).stream()
                .filter(a -> a.learnerId().equals(learner)).toList();
        assertThat(stored).hasSize(1);
        AnswerRecorded answer = stored.get(0);
        assertThat(answer.eventId()).isEqualTo(id);
        assertThat(answer.questionId()).isEqualTo(q.id());
        assertThat(answer.correct()).isTrue();
        assertThat(answer.responseMs()).isEqualTo(7250);
        assertThat(answer.answeredAt()).isEqualTo(at);
    }

    @Test
    void aBatchWithOneStatementOfAnotherVerbIsRejectedWholeAndProducesNothing() {
        Question q = first(QuestionKind.SINGLE_CHOICE);
        String learner = "xapi-" + UUID.randomUUID();
        var before = AnswerTopic.endOffsets();

        var reply = post("[" + statement(null, learner, ANSWERED, q.id(), "a", null, null) + ","
                + statement(null, learner, "http://adlnet.gov/expapi/verbs/experienced", q.id(), "a", null, null) + ","
                + statement(null, learner, ANSWERED, "no.such.q99", "a", null, null) + "]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("[1].verb.id").contains("answered").doesNotContain("Exception");
        var reply2 = post("[" + statement(null, learner, ANSWERED, q.id(), "a", null, null) + ","
                + statement(null, learner, ANSWERED, "no.such.q99", "a", null, null) + "]");
        assertThat(reply2.status()).isEqualTo(400);
        assertThat(reply2.body()).as("Hone's field named as the statement's").contains("[1].object.id");
        assertThat(AnswerTopic.between(before, AnswerTopic.endOffsets())).noneMatch(a -> a.learnerId().equals(learner));
    }

    @Test
    void namesTheStatementsFieldsOfASingleStatementWithoutAnIndex() throws Exception {
        var unknown = post(statement(null, "xapi-" + UUID.randomUUID(), ANSWERED, "no.such.q99", "a", null, null));
        var tooLong = post(statement(null, "xapi-" + UUID.randomUUID(), ANSWERED, first(QuestionKind.SINGLE_CHOICE).id(), "a", "PT30H", null));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("errors").findValuesAsText("field")).containsExactly("object.id");
        assertThat(json.readTree(tooLong.body()).path("errors").findValuesAsText("field")).containsExactly("result.duration");
    }

    @Test
    void aResentStatementIsAnsweredWithTheSameId() {
        Question q = first(QuestionKind.SINGLE_CHOICE);
        String body = statement(UUID.randomUUID().toString(), "xapi-" + UUID.randomUUID(), ANSWERED, q.id(), "a", null, null);

        var first = post(body);
        var again = post(body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void requiresTheXapiVersionHeader() {
        var reply = api().send(Request.json("POST", "/xapi/statements",
                statement(null, "ada", ANSWERED, first(QuestionKind.SINGLE_CHOICE).id(), "a", null, null)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("X-Experience-API-Version");
    }

    @Test
    void servesTheOpenApiDocumentWithProblemResponsesAndTheSwaggerUi() throws Exception {
        JsonNode docs = json.readTree(api().send(new Request("GET", "/v3/api-docs", null, null, false, Map.of())).body());
        var ui = api().send(new Request("GET", "/swagger-ui/index.html", null, null, false, Map.of()));

        JsonNode post = docs.path("paths").path("/xapi/statements").path("post");
        assertThat(post.path("responses").has("413")).isTrue();
        assertThat(post.path("responses").path("429").path("content").has("application/problem+json")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/answers")).isTrue();
        // the batch's items are documented as answers, not as the reader's internal items
        JsonNode batch = docs.path("components").path("schemas").path("BatchRequest").path("properties").path("answers");
        assertThat(batch.path("type").asText()).isEqualTo("array");
        assertThat(batch.path("items").path("$ref").asText()).isEqualTo("#/components/schemas/AnswerRequest");
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
        assertThat(ui.status()).isEqualTo(200);
    }

    @Test
    void exposesAnswerMetricsToPrometheus() {
        post(statement(null, "xapi-" + UUID.randomUUID(), "http://adlnet.gov/expapi/verbs/experienced", "q", "a", null, null));
        post(statement(null, "xapi-" + UUID.randomUUID(), ANSWERED, first(QuestionKind.SINGLE_CHOICE).id(), "a", null, null));

        String metrics = api().send(new Request("GET", "/actuator/prometheus", null, null, false, Map.of())).body();

        assertThat(metrics).contains("hone_answers_accepted_total{");
        assertThat(metrics).contains("hone_answers_rejected_total{field=\"verb\",reason=\"unsupported_statement\"");
        assertThat(metrics).containsPattern("hone_answers_produce_seconds\\{[^}]*outcome=\"ok\"[^}]*quantile=\"0.99\"");
        assertThat(metrics).containsPattern("hone_answers_produce_seconds\\{[^}]*request=\"(single|group)\"");
    }

    private ApiClient.Reply post(String body) {
        return api().send(Request.json("POST", "/xapi/statements", body).withHeaders(VERSION));
    }

    private ApiClient api;

    /** One client for the whole test: an HttpClient is costly to build and keeps its connections. */
    private ApiClient api() {
        if (api == null) {
            api = new ApiClient("http://127.0.0.1:" + port, TestTokens.admin());
        }
        return api;
    }

    private String statement(String id, String learner, String verb, String questionId, String response, String duration, String timestamp) {
        var statement = json.createObjectNode();
        if (id != null) {
            statement.put("id", id);
        }
        statement.putObject("actor").put("objectType", "Agent").putObject("account").put("homePage", "https://hone.dev").put("name", learner);
        statement.putObject("verb").put("id", verb);
        statement.putObject("object").put("objectType", "Activity").put("id", "https://hone.dev/questions/" + questionId);
        var result = statement.putObject("result").put("response", response);
        if (duration != null) {
            result.put("duration", duration);
        }
        if (timestamp != null) {
            statement.put("timestamp", timestamp);
        }
        return statement.toString();
    }

    private Question first(QuestionKind kind) {
        return catalog.questions().stream().filter(q -> q.kind() == kind).findFirst().orElseThrow();
    }
}
