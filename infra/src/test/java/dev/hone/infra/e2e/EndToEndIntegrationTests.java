package dev.hone.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.testkit.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on the real engines: answers posted to ingest reach the recommender's queue
 * and mastery and the analytics dashboard in ClickHouse, each exactly once. The three services
 * run from their packaged jars, as `./hone up` runs them.
 */
class EndToEndIntegrationTests {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration FLOW = Duration.ofSeconds(60);

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Catalog CATALOG = Catalog.bundled();
    private static final HttpJson http = new HttpJson();
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static String clickHouse;
    private static String database;
    private static ServiceProcess ingest;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startHone() throws Exception {
        String kafka = Engines.kafkaBootstrap();
        clickHouse = Engines.clickHouseHttp();
        database = "hone_e2e_" + RUN;
        int ingestPort = ServiceProcess.freePort();
        int recommenderPort = ServiceProcess.freePort();
        int analyticsPort = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "HONE_KAFKA_BOOTSTRAP", kafka,
                "HONE_CLICKHOUSE_URL", clickHouse,
                "HONE_CLICKHOUSE_DATABASE", database,
                "HONE_RECOMMENDER_APP_ID", "hone-e2e-recommender-" + RUN,
                "HONE_ANALYTICS_GROUP", "hone-e2e-analytics-" + RUN,
                "HONE_RECOMMENDER_STATE_DIR", Files.createTempDirectory("hone-e2e-state").toString(),
                "HONE_RECOMMENDER_URL", "http://127.0.0.1:" + recommenderPort,
                "HONE_INGEST_PORT", Integer.toString(ingestPort),
                "HONE_RECOMMENDER_PORT", Integer.toString(recommenderPort),
                "HONE_ANALYTICS_PORT", Integer.toString(analyticsPort)));
        services.add(ServiceProcess.start("recommender", recommenderPort, env));
        ingest = ServiceProcess.start("ingest", ingestPort, env);
        services.add(ingest);
        analytics = ServiceProcess.start("analytics", analyticsPort, env);
        services.add(analytics);
        for (ServiceProcess service : services) {
            await(service.name() + " ready").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class).until(() -> {
                assertThat(service.isAlive()).as(service.name() + " exited; see " + service.log()).isTrue();
                var health = http.get(service.url() + "/actuator/health/readiness");
                return health.status() == 200;
            });
        }
    }

    @AfterAll
    static void stopHone() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
    }

    @Test
    void answersReachTheQueueMasteryAndDashboardExactlyOnce() {
        List<String> topics = CATALOG.topics().stream().map(t -> t.id())
                .filter(id -> CATALOG.questionsOf(id).size() >= 4).limit(2).toList();
        String strongTopic = topics.get(0);
        String weakTopic = topics.get(1);
        String ada = "ada-" + RUN;
        String bob = "bob-" + RUN;
        Map<String, Map<String, int[]>> sent = new LinkedHashMap<>();
        String lastAnswered = null;

        for (String learner : List.of(ada, bob)) {
            for (Question q : CATALOG.questionsOf(strongTopic).subList(0, 4)) {
                post(learner, q, true, sent);
            }
            for (Question q : CATALOG.questionsOf(weakTopic).subList(0, 4)) {
                post(learner, q, learner.equals(bob), sent);
                lastAnswered = q.id();
            }
        }
        int answers = 16;

        String justAnswered = lastAnswered;
        await("ada's queue leads with her weak topic").atMost(FLOW).untilAsserted(() -> {
            var queue = http.get(ingest.url() + "/api/v1/learners/" + ada + "/queue?n=5");
            assertThat(queue.status()).isEqualTo(200);
            JsonNode first = queue.body().path("items").path(0);
            assertThat(first.path("topicId").asText()).isEqualTo(weakTopic);
            assertThat(first.path("reason").asText()).isNotBlank();
        });
        var bobQueue = http.get(ingest.url() + "/api/v1/learners/" + bob + "/queue?n=10").body();
        assertThat(bobQueue.path("items").findValuesAsText("questionId")).doesNotContain(justAnswered);

        await("mastery moved the right way").atMost(FLOW).untilAsserted(() -> {
            JsonNode mastery = http.get(ingest.url() + "/api/v1/learners/" + ada + "/mastery").body();
            Map<String, Double> byTopic = new HashMap<>();
            Map<String, Long> counts = new HashMap<>();
            mastery.path("topics").forEach(t -> {
                byTopic.put(t.path("topicId").asText(), t.path("mastery").asDouble());
                counts.put(t.path("topicId").asText(), t.path("answers").asLong());
            });
            assertThat(byTopic.get(weakTopic)).isLessThan(0.5);
            assertThat(byTopic.get(strongTopic)).isGreaterThan(0.5);
            assertThat(counts.get(weakTopic)).isEqualTo(4);
        });

        String learners = "('" + ada + "', '" + bob + "')";
        await("ClickHouse holds every answer once").atMost(FLOW).untilAsserted(() -> assertThat(
                http.clickHouse(clickHouse, "SELECT count() FROM " + database + ".answers WHERE learner_id IN " + learners))
                .isEqualTo(Integer.toString(answers)));
        assertThat(http.clickHouse(clickHouse, "SELECT uniqExact(event_id) FROM " + database + ".answers WHERE learner_id IN " + learners))
                .isEqualTo(Integer.toString(answers));

        for (String learner : List.of(ada, bob)) {
            JsonNode dashboard = http.get(analytics.url() + "/api/v1/dashboards/learners/" + learner).body();
            Map<String, int[]> expected = sent.get(learner);
            assertThat(dashboard.path("topics").size()).isEqualTo(expected.size());
            dashboard.path("topics").forEach(t -> {
                int[] counts = expected.get(t.path("topicId").asText());
                assertThat(t.path("answers").asInt()).isEqualTo(counts[0]);
                assertThat(t.path("correct").asInt()).isEqualTo(counts[1]);
                assertThat(t.path("accuracy").asDouble()).isEqualTo((double) counts[1] / counts[0]);
            });
        }
    }

    private static void post(String learner, Question q, boolean right, Map<String, Map<String, int[]>> sent) {
        var body = Map.of("eventId", UUID.randomUUID().toString(), "learnerId", learner, "questionId", q.id(),
                "response", right ? AnswerMaker.right(q) : AnswerMaker.wrong(q), "responseMs", 4000);
        var reply = http.post(ingest.url() + "/api/v1/answers", body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
        assertThat(reply.body().path("correct").asBoolean()).as("grade of " + q.id()).isEqualTo(right);
        int[] counts = sent.computeIfAbsent(learner, k -> new LinkedHashMap<>()).computeIfAbsent(q.topic(), k -> new int[2]);
        counts[0]++;
        counts[1] += right ? 1 : 0;
    }

    @Test
    void aPlacementAsksAtMostTwentyQuestionsOfTheTrackWithoutRepeatsAndReadinessFollows() {
        String cy = "cy-" + RUN;
        var profile = http.put(ingest.url() + "/api/v1/learners/" + cy + "/profile", Map.of("track", "web"));
        assertThat(profile.status()).isEqualTo(202);
        await("cy's track reached the recommender").atMost(FLOW).untilAsserted(() ->
                assertThat(placement(cy).path("track").asText()).isEqualTo("web"));

        List<String> asked = new ArrayList<>();
        JsonNode current = placement(cy);
        while (current.path("status").asText().equals("in-progress")) {
            assertThat(asked).as("the placement stops at its cap").hasSizeLessThan(20);
            JsonNode item = current.path("items").path(0);
            assertThat(item.path("reasonCode").asText()).isEqualTo("placement");
            Question q = CATALOG.question(item.path("questionId").asText()).orElseThrow();
            post(cy, q, q.difficulty() <= 2, new HashMap<>());
            asked.add(q.id());
            int answered = asked.size();
            await("the answer reached the placement").atMost(FLOW).until(() -> placement(cy).path("answered").asInt() == answered);
            current = placement(cy);
        }

        assertThat(current.path("status").asText()).isIn("cap", "confident");
        assertThat(asked).doesNotHaveDuplicates();
        assertThat(asked).allSatisfy(id -> assertThat(CATALOG.topic(CATALOG.question(id).orElseThrow().topic()).orElseThrow()
                .weightIn("web")).isPositive());
        assertThat(current.path("items").size()).isZero();

        JsonNode readiness = http.get(ingest.url() + "/api/v1/learners/" + cy + "/readiness?track=web").body();
        assertThat(readiness.path("placed").asBoolean()).isTrue();
        assertThat(readiness.path("low").asDouble()).isLessThanOrEqualTo(readiness.path("score").asDouble());
        assertThat(readiness.path("high").asDouble()).isGreaterThanOrEqualTo(readiness.path("score").asDouble());
        assertThat(readiness.path("bestTopics").size()).isEqualTo(3);
        var queue = http.get(ingest.url() + "/api/v1/learners/" + cy + "/queue?n=10");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("items").findValuesAsText("questionId")).doesNotContainAnyElementsOf(asked);

        var badTrack = http.get(ingest.url() + "/api/v1/learners/" + cy + "/readiness?track=astronaut");
        var badMode = http.get(ingest.url() + "/api/v1/learners/" + cy + "/queue?mode=exam");
        assertThat(badTrack.status()).isEqualTo(400);
        assertThat(badTrack.body().path("errors").findValuesAsText("field")).containsExactly("track");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.body().path("errors").findValuesAsText("field")).containsExactly("mode");
    }

    private static JsonNode placement(String learner) {
        var reply = http.get(ingest.url() + "/api/v1/learners/" + learner + "/queue?mode=placement&n=1");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
