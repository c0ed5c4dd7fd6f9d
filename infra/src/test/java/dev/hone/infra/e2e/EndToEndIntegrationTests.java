package dev.hone.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.testkit.HeadlessChromium;
import dev.hone.testkit.Engines;
import dev.hone.testkit.ServiceProcess;
import dev.hone.testkit.TestTokens;
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
import java.util.Set;
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
        env.put("HONE_ANALYTICS_URL", "http://127.0.0.1:" + analyticsPort);
        env.put("HONE_DEV_TOKEN_SECRET", TestTokens.SECRET);
        services.add(ServiceProcess.start("recommender", "recommender", recommenderPort, env));
        ingest = ServiceProcess.start("ingest", "ingest", ingestPort, env);
        services.add(ingest);
        analytics = ServiceProcess.start("analytics", "analytics", analyticsPort, env);
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
            var queue = http.get(ingest.url() + "/api/v1/learners/" + ada + "/queue?n=5", TestTokens.learner(ada));
            assertThat(queue.status()).isEqualTo(200);
            JsonNode first = queue.body().path("items").path(0);
            assertThat(first.path("topicId").asText()).isEqualTo(weakTopic);
            assertThat(first.path("reason").asText()).isNotBlank();
        });
        var bobQueue = http.get(ingest.url() + "/api/v1/learners/" + bob + "/queue?n=10", TestTokens.learner(bob)).body();
        assertThat(bobQueue.path("items").findValuesAsText("questionId")).doesNotContain(justAnswered);

        await("mastery moved the right way").atMost(FLOW).untilAsserted(() -> {
            JsonNode mastery = http.get(ingest.url() + "/api/v1/learners/" + ada + "/mastery", TestTokens.learner(ada)).body();
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
            JsonNode dashboard = http.get(analytics.url() + "/api/v1/dashboards/learners/" + learner, TestTokens.learner(learner)).body();
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

    @Test
    void anErasureLeavesNothingOfTheLearnerAndItsStatusUrlSaysWhenThatIsTrue() {
        String eve = "eve-" + RUN;
        String fay = "fay-" + RUN;
        List<Question> questions = CATALOG.questionsOf(CATALOG.topics().iterator().next().id());
        Map<String, Map<String, int[]>> sent = new LinkedHashMap<>();
        for (String learner : List.of(eve, fay)) {
            for (Question q : questions.subList(0, 3)) {
                post(learner, q, true, sent);
            }
        }
        String inClickHouse = "SELECT count() FROM " + database + ".answers WHERE learner_id = '%s'";
        for (String learner : List.of(eve, fay)) {
            await(learner + "'s answers stored and applied").atMost(FLOW).until(() ->
                    "3".equals(http.clickHouse(clickHouse, String.format(inClickHouse, learner)))
                            && http.get(ingest.url() + "/api/v1/learners/" + learner + "/mastery", TestTokens.learner(learner)).body().path("topics").size() > 0);
        }
        // only the learner themselves (or an admin) may erase or follow an erasure
        assertThat(http.delete(ingest.url() + "/api/v1/learners/" + eve, TestTokens.learner(fay)).status()).isEqualTo(403);
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + eve + "/erasure", TestTokens.coach()).status()).isEqualTo(403);

        var requested = http.delete(ingest.url() + "/api/v1/learners/" + eve, TestTokens.learner(eve));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.body().path("status").asText()).isEqualTo("pending");
        String statusUrl = requested.body().path("statusUrl").asText();
        assertThat(statusUrl).isEqualTo("/api/v1/learners/" + eve + "/erasure");
        await("the status URL says done").atMost(FLOW).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode status = http.get(ingest.url() + statusUrl, TestTokens.learner(eve)).body();
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("done");
            assertThat(status.path("recommender").path("topicsHeld").asInt()).isZero();
            assertThat(status.path("analytics").path("recorded").asBoolean()).isTrue();
            assertThat(status.path("analytics").path("rowsLeft").asLong()).isZero();
        });
        // done means done: nothing of eve in ClickHouse or the recommender
        assertThat(http.clickHouse(clickHouse, String.format(inClickHouse, eve))).isEqualTo("0");
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + eve + "/mastery", TestTokens.admin()).body().path("topics").size()).isZero();

        // ?wait= returns when done
        var waited = http.delete(ingest.url() + "/api/v1/learners/" + fay + "?wait=25", TestTokens.admin());
        assertThat(waited.status()).as(String.valueOf(waited.body())).isEqualTo(200);
        assertThat(waited.body().path("status").asText()).isEqualTo("done");
        assertThat(http.clickHouse(clickHouse, String.format(inClickHouse, fay))).isEqualTo("0");
        assertThat(http.delete(ingest.url() + "/api/v1/learners/" + fay + "?wait=61", TestTokens.admin()).body().path("errors").get(0).path("field").asText())
                .isEqualTo("wait");
    }

    @Test
    void everyServiceExposesPrometheusMetrics() {
        for (ServiceProcess service : services) {
            var reply = http.getText(service.url() + "/actuator/prometheus");

            assertThat(reply).as(service.name()).contains("jvm_memory_used_bytes");
        }
        assertThat(http.getText(ingest.url() + "/actuator/prometheus")).contains("hone_answers_produce_seconds");
    }

    @Test
    void anXapiStatementIsStoredAndReadBackAsAStatement() {
        Question q = CATALOG.questions().stream().filter(x -> x.kind() == dev.hone.catalog.QuestionKind.SINGLE_CHOICE).findFirst().orElseThrow();
        String id = UUID.randomUUID().toString();
        var actor = Map.of("objectType", "Agent", "account", Map.of("homePage", "https://hone.dev", "name", "xy-" + RUN));
        var statement = Map.of("id", id, "actor", actor,
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/answered"),
                "object", Map.of("objectType", "Activity", "id", "https://hone.dev/questions/" + q.id()),
                "result", Map.of("response", AnswerMaker.right(q), "duration", "PT4.5S"));

        var stored = http.post(ingest.url() + "/xapi/statements", statement, TestTokens.admin(), "X-Experience-API-Version", "1.0.3");

        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(200);
        assertThat(stored.body().path(0).asText()).isEqualTo(id);
        String agent = java.net.URLEncoder.encode("{\"account\":{\"homePage\":\"https://hone.dev\",\"name\":\"xy-" + RUN + "\"}}",
                java.nio.charset.StandardCharsets.UTF_8);
        await("the statement is read back from Hone's stored answers").atMost(FLOW).untilAsserted(() -> {
            var read = http.get(ingest.url() + "/xapi/statements?agent=" + agent, TestTokens.admin(), "X-Experience-API-Version", "1.0.3");
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            JsonNode first = read.body().path("statements").path(0);
            assertThat(first.path("id").asText()).isEqualTo(id);
            assertThat(first.path("object").path("id").asText()).isEqualTo("https://hone.dev/questions/" + q.id());
            assertThat(first.path("result").path("success").asBoolean()).isTrue();
            assertThat(first.path("result").path("duration").asText()).isEqualTo("PT4.5S");
        });
    }

    /**
     * A profile set by an admin reaches the recommender and ClickHouse; from then on a coach of
     * that cohort reads the learner through ingest (token forwarded to the recommender) and in
     * analytics, and still no one else.
     */
    @Test
    void aCoachReadsTheLearnersOfTheirCohortInEveryServiceAndNoOneElse() {
        String cohort = "e2e-cohort-" + RUN;
        String mine = "carol-" + RUN;
        String other = "dave-" + RUN;
        String coach = TestTokens.coach(cohort);
        Question q = CATALOG.questionsOf(CATALOG.topics().iterator().next().id()).get(0);
        var sent = new HashMap<String, Map<String, int[]>>();
        post(mine, q, true, sent);
        post(other, q, true, sent);

        var profile = http.put(ingest.url() + "/api/v1/learners/" + mine + "/profile", Map.of("cohort", cohort), TestTokens.admin());
        var notAdmin = http.put(ingest.url() + "/api/v1/learners/" + mine + "/profile", Map.of("cohort", cohort), coach);

        assertThat(profile.status()).isEqualTo(202);
        assertThat(notAdmin.status()).isEqualTo(403);
        await("the coach reads their learner's mastery through ingest").atMost(FLOW).untilAsserted(() ->
                assertThat(http.get(ingest.url() + "/api/v1/learners/" + mine + "/mastery", coach).status()).isEqualTo(200));
        await("the coach reads their learner's dashboard").atMost(FLOW).untilAsserted(() ->
                assertThat(http.get(analytics.url() + "/api/v1/dashboards/learners/" + mine, coach).status()).isEqualTo(200));
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + other + "/mastery", coach).status()).isEqualTo(403);
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + other + "/queue", coach).status()).isEqualTo(403);
        assertThat(http.get(analytics.url() + "/api/v1/dashboards/learners/" + other, coach).status()).isEqualTo(403);
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + mine + "/mastery", TestTokens.learner(other)).status()).isEqualTo(403);
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + mine + "/mastery", TestTokens.product()).status()).isEqualTo(403);
        assertThat(http.get(analytics.url() + "/api/v1/dashboards/topics", TestTokens.product()).status()).isEqualTo(200);
        assertThat(http.get(ingest.url() + "/api/v1/learners/" + mine + "/mastery", TestTokens.forged()).status()).isEqualTo(401);
    }

    /**
     * A new learner on the practice page, with the keyboard only: signs in with a dev token,
     * picks a track, answers ten questions in a row (every kind the queue brings), sees right or
     * wrong with the explanation each time, and the mastery overview fills in. Exactly ten
     * answers reach ClickHouse. The readiness panel shows the track's score and three topics to
     * practise, its score moves with the answers, the trend per week appears, and following a
     * topic's link (Enter on it) serves a question of that topic.
     */
    @Test
    void aLearnerPractisesTenQuestionsInARowWithTheKeyboard() throws Exception {
        String pat = "pat-" + RUN;
        try (var browser = new HeadlessChromium()) {
            var d = browser.driver();
            d.get(ingest.url() + "/practice/");
            awaitState(d, "signed-out");
            d.switchTo().activeElement().sendKeys(TestTokens.learner(pat), org.openqa.selenium.Keys.ENTER);
            awaitState(d, "question");
            new org.openqa.selenium.support.ui.Select(d.findElement(org.openqa.selenium.By.id("track"))).selectByValue("web");
            double scoreBefore = awaitReadiness(d, "web");
            assertThat(d.findElements(org.openqa.selenium.By.cssSelector("#readiness-best a[data-topic]"))).hasSize(3);
            assertThat(d.findElement(org.openqa.selenium.By.id("readiness-interval")).getText()).startsWith("95% interval");
            Set<String> kinds = new java.util.HashSet<>();

            for (int i = 0; i < 10; i++) {
                awaitState(d, "question");
                var card = d.findElement(org.openqa.selenium.By.id("card"));
                String kind = card.getDomAttribute("data-kind");
                kinds.add(kind);
                var keys = new org.openqa.selenium.interactions.Actions(d);
                switch (kind) {
                    case "single_choice", "multi_choice" -> keys.sendKeys("1").sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                    case "code_output" -> keys.sendKeys("raises: KeyError").sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                    default -> keys.sendKeys("I would explain the trade-offs.").sendKeys(org.openqa.selenium.Keys.TAB)
                            .sendKeys(org.openqa.selenium.Keys.ENTER).sendKeys("1").sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                }
                awaitState(d, "feedback");
                assertThat(d.findElement(org.openqa.selenium.By.id("result")).getText()).as("answer " + (i + 1) + " (" + kind + ")")
                        .matches("Right\\.|Not right\\.|Partly right.*");
                assertThat(d.findElement(org.openqa.selenium.By.id("explanation")).getText()).isNotBlank();
                if (i == 9) {
                    browser.screenshot("practice");
                }
                new org.openqa.selenium.interactions.Actions(d).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
            }

            awaitState(d, "question");
            await("the mastery overview fills in").atMost(FLOW).until(() ->
                    !d.findElements(org.openqa.selenium.By.cssSelector("#mastery tr")).isEmpty());
            assertThat(d.findElement(org.openqa.selenium.By.id("answered")).getText()).as("kinds met: " + kinds).startsWith("10 answered");
            await("the readiness score moves with the answers").atMost(FLOW).until(() -> readinessScore(d) != scoreBefore);
            await("the trend per week appears").atMost(FLOW).until(() ->
                    !d.findElements(org.openqa.selenium.By.cssSelector("#readiness-trend svg circle")).isEmpty());

            var link = d.findElements(org.openqa.selenium.By.cssSelector("#readiness-best a[data-topic]")).get(0);
            String chosen = link.getDomAttribute("data-topic");
            link.sendKeys(org.openqa.selenium.Keys.ENTER);

            await("a question of the chosen topic").atMost(FLOW).until(() -> {
                Object state = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.dataset.state");
                String id = d.findElement(org.openqa.selenium.By.id("card")).getDomAttribute("data-question-id");
                return "question".equals(state) && id != null && CATALOG.question(id).orElseThrow().topic().equals(chosen);
            });
            assertThat(d.findElement(org.openqa.selenium.By.id("focus")).isDisplayed()).isTrue();
            assertThat(d.findElement(org.openqa.selenium.By.id("reason")).getText()).startsWith("you chose to practise");
            browser.screenshot("practice-readiness");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        await("ClickHouse holds exactly the ten answers").atMost(FLOW).untilAsserted(() -> assertThat(
                http.clickHouse(clickHouse, "SELECT count() FROM " + database + ".answers WHERE learner_id = '" + pat + "'"))
                .isEqualTo("10"));
    }

    /** The panel's score once it is shown for the track. */
    private static double awaitReadiness(org.openqa.selenium.WebDriver d, String track) {
        var js = (org.openqa.selenium.JavascriptExecutor) d;
        await("readiness for " + track).atMost(FLOW).pollInterval(Duration.ofMillis(100)).until(() ->
                track.equals(js.executeScript("return document.getElementById('readiness').dataset.track"))
                        && !Double.isNaN(readinessScore(d)));
        return readinessScore(d);
    }

    private static double readinessScore(org.openqa.selenium.WebDriver d) {
        Object score = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.getElementById('readiness').dataset.score");
        return score == null || score.toString().isEmpty() ? Double.NaN : Double.parseDouble(score.toString());
    }

    private static void awaitState(org.openqa.selenium.WebDriver d, String state) {
        await("page state " + state).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> state.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.dataset.state")));
    }

    private static void post(String learner, Question q, boolean right, Map<String, Map<String, int[]>> sent) {
        var body = Map.of("eventId", UUID.randomUUID().toString(), "learnerId", learner, "questionId", q.id(),
                "response", right ? AnswerMaker.right(q) : AnswerMaker.wrong(q), "responseMs", 4000);
        var reply = http.post(ingest.url() + "/api/v1/answers", body, TestTokens.learner(learner));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
        assertThat(reply.body().path("correct").asBoolean()).as("grade of " + q.id()).isEqualTo(right);
        int[] counts = sent.computeIfAbsent(learner, k -> new LinkedHashMap<>()).computeIfAbsent(q.topic(), k -> new int[2]);
        counts[0]++;
        counts[1] += right ? 1 : 0;
    }

    @Test
    void aPlacementAsksAtMostTwentyQuestionsOfTheTrackWithoutRepeatsAndReadinessFollows() {
        String cy = "cy-" + RUN;
        var profile = http.put(ingest.url() + "/api/v1/learners/" + cy + "/profile", Map.of("track", "web"), TestTokens.admin());
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

        JsonNode readiness = http.get(ingest.url() + "/api/v1/learners/" + cy + "/readiness?track=web", TestTokens.learner(cy)).body();
        assertThat(readiness.path("placed").asBoolean()).isTrue();
        assertThat(readiness.path("low").asDouble()).isLessThanOrEqualTo(readiness.path("score").asDouble());
        assertThat(readiness.path("high").asDouble()).isGreaterThanOrEqualTo(readiness.path("score").asDouble());
        assertThat(readiness.path("bestTopics").size()).isEqualTo(3);
        var queue = http.get(ingest.url() + "/api/v1/learners/" + cy + "/queue?n=10", TestTokens.learner(cy));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("items").findValuesAsText("questionId")).doesNotContainAnyElementsOf(asked);

        var badTrack = http.get(ingest.url() + "/api/v1/learners/" + cy + "/readiness?track=astronaut", TestTokens.learner(cy));
        var badMode = http.get(ingest.url() + "/api/v1/learners/" + cy + "/queue?mode=exam", TestTokens.learner(cy));
        assertThat(badTrack.status()).isEqualTo(400);
        assertThat(badTrack.body().path("errors").findValuesAsText("field")).containsExactly("track");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.body().path("errors").findValuesAsText("field")).containsExactly("mode");
    }

    private static JsonNode placement(String learner) {
        var reply = http.get(ingest.url() + "/api/v1/learners/" + learner + "/queue?mode=placement&n=1", TestTokens.learner(learner));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
