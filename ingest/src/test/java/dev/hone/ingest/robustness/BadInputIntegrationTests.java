package dev.hone.ingest.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.events.AnswerRecorded;
import dev.hone.ingest.support.AnswerTopic;
import dev.hone.ingest.support.ApiClient;
import dev.hone.testkit.TestTokens;
import dev.hone.ingest.support.ApiClient.Reply;
import dev.hone.ingest.support.ApiClient.Request;
import dev.hone.testkit.Engines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed and hostile requests against the real service and broker:
 * each gets a 4xx problem body with no internals in it, the service stays healthy, and
 * {@code hone.answers.v1} receives nothing from them (read back from the topic: everything
 * between the offsets before the flood and after a final valid marker answer is that marker).
 * Seed and count: {@code -Dhone.badinput.seed=...}, {@code -Dhone.badinput.count=...}.
 * The client rate limit is off here (it would answer 429 before the inputs are looked at);
 * LimitsIntegrationTests covers it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hone.limits.max-body=" + BadInputIntegrationTests.MAX_BODY + "B",
        "hone.limits.per-client.enabled=false"})
class BadInputIntegrationTests {

    static final int MAX_BODY = 16_384;
    private static final long SEED = Long.getLong("hone.badinput.seed", 20261128L);
    private static final int COUNT = Integer.getInteger("hone.badinput.count", 5_000);
    private static final List<String> INTERNALS = List.of("Exception", "java.", "dev.hone", "springframework", "jackson",
            "\tat ", "org.apache");

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
    void everyBadRequestGetsA4xxProblemAndNothingReachesTheTopic() throws Exception {
        var generator = new BadInputGenerator(SEED, catalog, MAX_BODY);
        List<BadInputGenerator.Case> cases = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            cases.add(generator.next(i));
        }
        var before = AnswerTopic.endOffsets();

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        ApiClient client = api();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (BadInputGenerator.Case c : cases) {
                sent.add(senders.submit(() -> {
                    Reply reply = client.send(c.request());
                    statuses.merge(Integer.toString(reply.status()), 1, Integer::sum);
                    String problem = problemOf(reply);
                    if (problem != null && failures.size() < 30) {
                        failures.add(c.kind() + " (" + c.request().method() + " " + c.request().path() + "): " + problem);
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
        String marker = postMarker();
        List<AnswerRecorded> produced = AnswerTopic.between(before, AnswerTopic.endOffsets());

        assertThat(failures).as("seed " + SEED + ", statuses " + statuses).isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
        assertThat(api().send(new Request("GET", "/actuator/health", null, null, false, Map.of())).status()).isEqualTo(200);
        assertThat(produced).extracting(AnswerRecorded::eventId).containsExactly(marker);
    }

    /** What is wrong with a reply to a bad request, or null if it is a proper 4xx problem. */
    private String problemOf(Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return "status " + reply.status() + " " + abbreviate(reply.body());
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "content type " + reply.contentType() + " " + abbreviate(reply.body());
        }
        try {
            JsonNode body = json.readTree(reply.body());
            if (body.path("status").asInt() != reply.status() || body.path("title").asText().isEmpty()) {
                return "problem without status or title " + abbreviate(reply.body());
            }
        } catch (Exception e) {
            return "body is not JSON " + abbreviate(reply.body());
        }
        for (String internal : INTERNALS) {
            if (reply.body().contains(internal)) {
                return "body names internals (" + internal + ") " + abbreviate(reply.body());
            }
        }
        return null;
    }

    /** One valid answer after the flood: the topic is read up to the offsets after it. */
    private String postMarker() throws Exception {
        Question q = catalog.questions().stream().filter(x -> x.kind() == QuestionKind.SINGLE_CHOICE).findFirst().orElseThrow();
        String eventId = UUID.randomUUID().toString();
        Reply reply = api().send(Request.json("POST", "/api/v1/answers", json.writeValueAsString(Map.of("eventId", eventId,
                "learnerId", "marker-" + UUID.randomUUID(), "questionId", q.id(), "response", q.answer().keyedOptionIds().get(0)))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return eventId;
    }

    private ApiClient api;

    /** One client for the whole test: an HttpClient is costly to build and keeps its connections. */
    private ApiClient api() {
        if (api == null) {
            api = new ApiClient("http://127.0.0.1:" + port, TestTokens.admin());
        }
        return api;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
