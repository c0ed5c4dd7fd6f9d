package dev.hone.ingest.limit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.ingest.support.AnswerTopic;
import dev.hone.ingest.support.ApiClient;
import dev.hone.testkit.TestTokens;
import dev.hone.ingest.support.ApiClient.Reply;
import dev.hone.ingest.support.ApiClient.Request;
import dev.hone.testkit.Engines;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body size, media type and rate limits, with small limits so they are reached quickly. The
 * client flood runs last: it uses up this JVM's client budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hone.limits.max-body=2KB",
        "hone.limits.per-client.capacity=60", "hone.limits.per-client.refill-per-second=1",
        "hone.limits.per-learner.capacity=3", "hone.limits.per-learner.refill-per-second=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsIntegrationTests {

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
    @Order(1)
    void aBodyOverTheLimitGets413WhetherItsLengthIsDeclaredOrChunked() {
        byte[] big = ("{\"learnerId\":\"ada\",\"questionId\":\"core.gil.q01\",\"response\":\"" + "x".repeat(3000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        Reply declared = api().send(new Request("POST", "/api/v1/answers", "application/json", big, false, Map.of()));
        Reply chunked = api().send(new Request("POST", "/api/v1/answers", "application/json", big, true, Map.of()));

        for (Reply reply : List.of(declared, chunked)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(413);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains("\"field\":\"body\"").doesNotContain("Exception");
        }
    }

    @Test
    @Order(2)
    void anUnsupportedMediaTypeGets415NamingTheContentType() {
        Reply reply = api().send(new Request("POST", "/api/v1/answers", "text/plain",
                "learnerId=ada".getBytes(StandardCharsets.UTF_8), false, Map.of()));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("Content-Type");
    }

    @Test
    @Order(3)
    void aLearnerOverTheirBudgetGets429WithRetryAfterAndNothingMoreIsStored() {
        Question q = catalog.questions().stream().filter(x -> x.kind() == QuestionKind.SINGLE_CHOICE).findFirst().orElseThrow();
        String learner = "limit-" + UUID.randomUUID();
        String body = "{\"learnerId\":\"" + learner + "\",\"questionId\":\"" + q.id() + "\",\"response\":\"a\"}";
        var before = AnswerTopic.endOffsets();

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replies.add(api().send(Request.json("POST", "/api/v1/answers", body)));
        }

        assertThat(replies).extracting(Reply::status).containsExactly(202, 202, 202, 429);
        assertThat(replies.get(3).retryAfter()).isNotNull();
        assertThat(Long.parseLong(replies.get(3).retryAfter())).isPositive();
        assertThat(replies.get(3).body()).contains("\"field\":\"learnerId\"");
        assertThat(AnswerTopic.between(before, AnswerTopic.endOffsets())).filteredOn(a -> a.learnerId().equals(learner)).hasSize(3);
    }

    @Test
    @Order(4)
    void aClientOverItsBudgetGets429WithRetryAfter() {
        Reply last = null;
        for (int i = 0; i < 200 && (last == null || last.status() != 429); i++) {
            last = api().send(new Request("GET", "/api/v1/topics", null, null, false, Map.of()));
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.retryAfter()).isEqualTo("1");
        assertThat(last.body()).contains("\"field\":\"client\"");
        assertThat(api().send(new Request("GET", "/actuator/health", null, null, false, Map.of())).status())
                .as("health is not charged to the client").isEqualTo(200);
    }

    private ApiClient api;

    /** One client for the whole test: an HttpClient is costly to build and keeps its connections. */
    private ApiClient api() {
        if (api == null) {
            api = new ApiClient("http://127.0.0.1:" + port, TestTokens.admin());
        }
        return api;
    }
}
