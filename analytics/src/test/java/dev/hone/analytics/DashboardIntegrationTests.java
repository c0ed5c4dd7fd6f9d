package dev.hone.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.analytics.loader.AnswerRows;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.events.AnswerRecorded;
import dev.hone.testkit.HeadlessChromium;
import dev.hone.testkit.Engines;
import dev.hone.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each dashboard's JSON on a small known data set, against the real ClickHouse, with values
 * computed by hand. Four learners answer three questions (qa, qb of topic T1 in week W1, qc of
 * topic T2 in week W2):
 * <pre>
 *        qa qb qc   cohort track
 *   A     1  1  1   c1     web
 *   B     1  0  1   c1     web
 *   C     0  1  0   c1     web
 *   D     0  0  0   c2     data-ml
 * </pre>
 * p-values are 0.5 each; rest scores (share correct of the other answers) are A 1, B .5, C .5,
 * D 0 for qa and qc, A 1, B 1, C 0, D 0 for qb, so the point-biserial is 0.7071 for qa and qc
 * and 0 for qb. Within track web (A, B, C): p-values 2/3; rest scores A 1, B .5, C .5 for qa and
 * qc, A 1, B 1, C 0 for qb, so the point-biserial is 0.5 for qa and qc and -0.5 for qb.
 * G (cohort c4) answers qe right in W1 while in track senior, then moves to web and answers it
 * wrong in W2: each answer counts for the track G was in when it was recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIntegrationTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Eight weeks ago (a Monday), so the data stays inside the default range and far from "recent". */
    static final java.time.LocalDate MONDAY1 = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(8);
    static final Instant W1 = MONDAY1.plusDays(1).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
    static final Instant W2 = W1.plus(Duration.ofDays(7));
    static final String RANGE = "from=" + MONDAY1 + "&to=" + MONDAY1.plusDays(13);
    static final String C1 = "c1-" + RUN;
    static final String C3 = "c3-" + RUN;
    static final String C4 = "c4-" + RUN;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hone.clickhouse.url", Engines::clickHouseHttp);
        registry.add("hone.clickhouse.database", () -> "hone_dash_" + RUN);
        registry.add("hone.loader.enabled", () -> "false");
        registry.add("hone.dashboards.min-flag-answers", () -> "1");
    }

    @Autowired
    AnswerRows answers;
    @Autowired
    JdbcTemplate clickHouse;
    @Autowired
    TestRestTemplate http;
    @Autowired
    dev.hone.analytics.dashboard.DiscriminationSnapshot snapshot;
    final ObjectMapper json = new ObjectMapper();

    Question qa;
    Question qb;
    Question qc;
    Question qe;
    String t1;
    String t2;

    /** Admin for the JSON and CSV checks; the access rules per role are AnalyticsAccessIntegrationTests'. */
    @BeforeEach
    void signInAsAdmin() {
        http.getRestTemplate().setInterceptors(List.of(TestTokens.bearer(TestTokens.admin())));
    }

    @BeforeAll
    void knownDataSet() throws Exception {
        Topic core = TestData.CATALOG.topics().stream()
                .filter(t -> t.weightIn("web") >= 0.8 && !TestData.singleChoice(t.id()).isEmpty()).findFirst().orElseThrow();
        Topic other = TestData.CATALOG.topics().stream()
                .filter(t -> !t.id().equals(core.id()) && TestData.singleChoice(t.id()).size() >= 3).findFirst().orElseThrow();
        t1 = other.id();
        t2 = core.id();
        qa = TestData.singleChoice(t1).get(0);
        qb = TestData.singleChoice(t1).get(1);
        qc = TestData.singleChoice(t2).get(0);
        qe = TestData.singleChoice(t1).get(2);
        var rows = new ArrayList<AnswerRows.Row>();
        int[][] grid = {{1, 1, 1}, {1, 0, 1}, {0, 1, 0}, {0, 0, 0}};
        String[] learners = {"A", "B", "C", "D"};
        long[] times = {1000, 2000, 3000, 4000};
        for (int l = 0; l < 4; l++) {
            rows.add(row(TestData.answer(id(learners[l]), qa, grid[l][0] == 1, W1, times[l])));
            rows.add(row(TestData.answer(id(learners[l]), qb, grid[l][1] == 1, W1.plusSeconds(60), times[l])));
            rows.add(row(TestData.answer(id(learners[l]), qc, grid[l][2] == 1, W2, times[l])));
        }
        Instant now = Instant.now();
        rows.add(row(TestData.answer(id("E"), qe, true, now.minus(Duration.ofHours(1)), 500)));
        for (int i = 0; i < 5; i++) {
            rows.add(row(TestData.answer(id("F"), qe, true, now.minus(Duration.ofDays(20)), 500)));
            rows.add(row(TestData.answer(id("F"), qe, false, now.minus(Duration.ofDays(1)), 500)));
        }
        // profiles first: an answer takes its learner's track when it is stored
        profile("A", C1, "web");
        profile("B", C1, "web");
        profile("C", C1, "web");
        profile("D", "c2-" + RUN, "data-ml");
        profile("E", C1, "web");
        profile("F", C3, "web");
        answers.insert(rows);
        profile("G", C4, "senior");
        answers.insert(List.of(row(TestData.answer(id("G"), qe, true, W1, 700))));
        profile("G", C4, "web");
        answers.insert(List.of(row(TestData.answer(id("G"), qe, false, W2, 700))));
        mastery("A", t1, 0.8, W1);
        mastery("A", t2, 0.5, W2);
        mastery("A", t2, 0.3, W2.plusSeconds(60));
    }

    @Test
    void learnerDashboardPutsTheWeakestTopicFirstWithTrendAndTotals() throws Exception {
        JsonNode view = get("/api/v1/dashboards/learners/" + id("A") + "?" + RANGE);

        assertThat(view.path("answers").asLong()).isEqualTo(3);
        assertThat(view.path("timeSpentMs").asLong()).isEqualTo(3000);
        assertThat(view.path("topics").get(0).path("topicId").asText()).isEqualTo(t2);
        assertThat(view.path("topics").get(0).path("mastery").asDouble()).isCloseTo(0.3, within(1e-6));
        assertThat(view.path("topics").get(1).path("answers").asLong()).isEqualTo(2);
        assertThat(view.path("topics").get(1).path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(view.path("weeks")).hasSize(2);
        assertThat(view.path("weeks").get(0).path("week").asText()).isEqualTo(MONDAY1.toString());
        assertThat(view.path("weeks").get(0).path("answers").asLong()).isEqualTo(2);
        assertThat(view.path("weeks").get(1).path("answers").asLong()).isEqualTo(1);
        assertThat(view.path("practiseNext").get(0).asText()).isEqualTo(t2);
    }

    @Test
    void answerHistoryListsOneLearnersAnswersNewestFirst() throws Exception {
        JsonNode all = get("/api/v1/learners/" + id("B") + "/answers");
        JsonNode two = get("/api/v1/learners/" + id("B") + "/answers?limit=2");

        assertThat(all.path("answers").findValuesAsText("questionId")).containsExactly(qc.id(), qb.id(), qa.id());
        assertThat(all.path("answers").get(1).path("correct").asBoolean()).isFalse();
        assertThat(all.path("answers").get(0).path("responseMs").asLong()).isEqualTo(2000);
        assertThat(all.path("answers").get(0).path("answeredAt").asText()).isEqualTo(W2.toString());
        assertThat(all.path("answers").get(0).path("chosenOptions")).isNotEmpty();
        assertThat(two.path("answers")).hasSize(2);
    }

    @Test
    void cohortDashboardHasTheHeatMapAndTheTrendOfItsLearnersOnly() throws Exception {
        JsonNode view = get("/api/v1/dashboards/cohorts/" + C1 + "?" + RANGE);

        assertThat(view.path("cells")).hasSize(6);
        assertThat(cell(view, id("B"), t1).path("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(cell(view, id("C"), t2).path("accuracy").asDouble()).isEqualTo(0.0);
        assertThat(cell(view, id("A"), t2).path("mastery").asDouble()).isCloseTo(0.3, within(1e-6));
        assertThat(view.path("trend")).hasSize(2);
        JsonNode t1w1 = view.path("trend").get(t1.compareTo(t2) < 0 ? 0 : 1);
        assertThat(t1w1.path("answers").asLong()).isEqualTo(6);
        assertThat(t1w1.path("accuracy").asDouble()).isCloseTo(4.0 / 6, within(1e-4));
    }

    @Test
    void drillDownListsOneLearnersAnswersOnOneTopic() throws Exception {
        JsonNode view = get("/api/v1/dashboards/cohorts/" + C1 + "/learners/" + id("B") + "/topics/" + t1 + "?" + RANGE);

        assertThat(view.path("answers")).hasSize(2);
        assertThat(view.path("answers").get(0).path("questionId").asText()).isEqualTo(qb.id());
        assertThat(view.path("answers").get(0).path("correct").asBoolean()).isFalse();
    }

    @Test
    void atRiskNamesTheReasonForEachLearner() throws Exception {
        JsonNode c1 = get("/api/v1/dashboards/cohorts/" + C1 + "/at-risk");
        JsonNode c3 = get("/api/v1/dashboards/cohorts/" + C3 + "/at-risk");

        assertThat(c1.path("learners").findValuesAsText("learnerId")).containsExactlyInAnyOrder(id("A"), id("B"), id("C"));
        String reasonsOfA = c1.path("learners").get(0).path("reasons").asText();
        assertThat(reasonsOfA).contains("inactive for").contains("low mastery in core topics of web: " + t2);
        assertThat(c3.path("learners")).hasSize(1);
        assertThat(c3.path("learners").get(0).path("reasons").asText()).isEqualTo("accuracy fell from 100% to 0%");
    }

    @Test
    void questionsHavePValueDiscriminationMedianTimeAndOptionShares() throws Exception {
        JsonNode view = get("/api/v1/dashboards/questions?" + RANGE);

        JsonNode a = question(view, qa.id());
        assertThat(a.path("answers").asLong()).isEqualTo(4);
        assertThat(a.path("pValue").asDouble()).isEqualTo(0.5);
        assertThat(a.path("discrimination").asDouble()).isCloseTo(Math.sqrt(0.5), within(1e-3));
        assertThat(a.path("medianMs").asDouble()).isEqualTo(2500.0);
        assertThat(question(view, qb.id()).path("discrimination").asDouble()).isCloseTo(0.0, within(1e-6));
        assertThat(question(view, qc.id()).path("discrimination").asDouble()).isCloseTo(Math.sqrt(0.5), within(1e-3));
        JsonNode key = option(a, TestData.key(qa));
        assertThat(key.path("key").asBoolean()).isTrue();
        assertThat(key.path("share").asDouble()).isEqualTo(0.5);
        assertThat(option(a, TestData.distractor(qa)).path("share").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theDefaultViewReadsTheDiscriminationSnapshotAndSaysHowOldItIs() throws Exception {
        snapshot.refresh();

        JsonNode view = get("/api/v1/dashboards/questions");

        assertThat(view.path("discriminationAsOf").isNull()).isFalse();
        assertThat(question(view, qa.id()).path("discrimination").asDouble()).isCloseTo(Math.sqrt(0.5), within(1e-3));
        assertThat(question(view, qb.id()).path("discrimination").asDouble()).isCloseTo(0.0, within(1e-6));
        assertThat(get("/api/v1/dashboards/questions?" + RANGE).path("discriminationAsOf").isNull()).isTrue();
    }

    @Test
    void aTrackFilterKeepsOnlyItsLearners() throws Exception {
        JsonNode view = get("/api/v1/dashboards/questions?track=data-ml&" + RANGE);

        assertThat(question(view, qa.id()).path("answers").asLong()).isEqualTo(1);
        assertThat(question(view, qa.id()).path("pValue").asDouble()).isEqualTo(0.0);
    }

    @Test
    void aTrackFilterGivesExactlyTheFiguresOfTheAnswersRecordedInTheTrack() throws Exception {
        JsonNode topics = get("/api/v1/dashboards/topics?track=web&" + RANGE);
        JsonNode questions = get("/api/v1/dashboards/questions?track=web&" + RANGE);

        assertThat(topicTotal(topics, t1, "answers")).isEqualTo(7); // qa, qb of A, B, C and G's qe in W2
        assertThat(topicTotal(topics, t1, "correct")).isEqualTo(4);
        assertThat(topicTotal(topics, t2, "answers")).isEqualTo(3);
        for (JsonNode row : topics.path("topics")) {
            if (row.path("topicId").asText().equals(t2)) {
                assertThat(row.path("accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
                assertThat(row.path("medianMs").asDouble()).isEqualTo(2000.0);
            }
        }
        JsonNode a = question(questions, qa.id());
        assertThat(a.path("answers").asLong()).isEqualTo(3);
        assertThat(a.path("pValue").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.path("discrimination").asDouble()).isCloseTo(0.5, within(1e-6));
        assertThat(a.path("medianMs").asDouble()).isEqualTo(2000.0);
        assertThat(option(a, TestData.key(qa)).path("chosen").asLong()).isEqualTo(2);
        assertThat(option(a, TestData.distractor(qa)).path("chosen").asLong()).isEqualTo(1);
        assertThat(question(questions, qb.id()).path("discrimination").asDouble()).isCloseTo(-0.5, within(1e-6));
        assertThat(question(questions, qc.id()).path("discrimination").asDouble()).isCloseTo(0.5, within(1e-6));
        assertThat(questions.path("discriminationAsOf").isNull()).as("explicit dates: computed live").isTrue();
    }

    @Test
    void theDefaultViewOfATrackReadsThatTracksDiscriminationSnapshot() throws Exception {
        snapshot.refresh();

        JsonNode view = get("/api/v1/dashboards/questions?track=web");

        assertThat(view.path("discriminationAsOf").isNull()).isFalse();
        assertThat(question(view, qa.id()).path("discrimination").asDouble()).isCloseTo(0.5, within(1e-6));
        assertThat(question(view, qb.id()).path("discrimination").asDouble()).isCloseTo(-0.5, within(1e-6));
        assertThat(question(view, qa.id()).path("answers").asLong()).isEqualTo(3);
    }

    @Test
    void anAnswerCountsForTheTrackItsLearnerWasInWhenItWasRecorded() throws Exception {
        JsonNode senior = get("/api/v1/dashboards/questions?track=senior&" + RANGE);
        JsonNode web = get("/api/v1/dashboards/questions?track=web&" + RANGE);
        JsonNode seniorOfC4 = get("/api/v1/dashboards/questions?track=senior&cohort=" + C4 + "&" + RANGE);

        assertThat(question(senior, qe.id()).path("answers").asLong()).isEqualTo(1);
        assertThat(question(senior, qe.id()).path("pValue").asDouble()).isEqualTo(1.0);
        assertThat(question(web, qe.id()).path("answers").asLong()).isEqualTo(1);
        assertThat(question(web, qe.id()).path("pValue").asDouble()).isEqualTo(0.0);
        assertThat(question(seniorOfC4, qe.id()).path("answers").asLong()).as("a cohort with a track reads the answers' own track").isEqualTo(1);
        assertThat(question(seniorOfC4, qe.id()).path("pValue").asDouble()).isEqualTo(1.0);
    }

    @Test
    void topicsHaveAccuracyAndMedianTimeByDifficulty() throws Exception {
        JsonNode view = get("/api/v1/dashboards/topics?" + RANGE);

        long t2answers = 0;
        for (JsonNode row : view.path("topics")) {
            if (row.path("topicId").asText().equals(t2)) {
                t2answers += row.path("answers").asLong();
                assertThat(row.path("accuracy").asDouble()).isEqualTo(0.5);
                assertThat(row.path("medianMs").asDouble()).isEqualTo(2500.0);
            }
        }
        assertThat(t2answers).isEqualTo(4);
    }

    @Test
    void flaggedQuestionsGiveTheirReasons() throws Exception {
        JsonNode view = get("/api/v1/dashboards/questions/flagged?" + RANGE);

        JsonNode b = question(view, qb.id());
        assertThat(b.path("reasons").asText()).contains("low discrimination (0.0)");
        assertThat(question(view, qa.id()).path("reasons").asText()).doesNotContain("discrimination").contains("almost never chosen");
    }

    @Test
    void csvHasTheSameRowsAsTheJson() throws Exception {
        JsonNode view = get("/api/v1/dashboards/cohorts/" + C1 + "?" + RANGE);
        String csv = http.getForObject("/api/v1/dashboards/cohorts/" + C1 + "?format=csv&" + RANGE, String.class);

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("learnerId,topicId,answers,correct,accuracy,mastery");
        assertThat(lines).hasSize(1 + view.path("cells").size());
        assertThat(lines.get(1)).startsWith(view.path("cells").get(0).path("learnerId").asText() + ",");
    }

    @Test
    void aBadFilterIsA400NamingTheField() {
        var response = http.getForEntity("/api/v1/dashboards/topics?from=yesterday", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"from\"");
    }

    @Test
    void theReadinessPanelAnswersABadFilterAsTheDashboardsDo() {
        var dashboard = http.getForEntity("/api/v1/dashboards/topics?to=yesterday", String.class);
        var panel = http.getForEntity("/api/v1/dashboards/learners/ada/readiness/weeks?to=yesterday", String.class);

        assertThat(panel.getStatusCode().value()).isEqualTo(400);
        assertThat(panel.getBody()).contains("\"field\":\"to\"").contains("\"reason\":\"to: must be a date like 2026-11-28\"");
        assertThat(panel.getBody().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(dashboard.getBody().replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    @Test
    void aPageForAnIdOutsideItsShapeIsABadRequestNamingTheField() {
        var page = http.getForEntity("/dashboards/learner/{id}", String.class, "not an id!");

        assertThat(page.getStatusCode().value()).isEqualTo(400);
        assertThat(page.getBody()).contains("\"field\":\"learnerId\"");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void pagesLoadWithoutConsoleErrorsDrawChartsFilterAndLinkTheirCsv() throws Exception {
        try (var browser = new HeadlessChromium()) {
            var d = browser.driver();
            String base = "http://127.0.0.1:" + port;
            String signedIn = "#token=" + TestTokens.admin();

            d.get(base + "/dashboards/learner/" + id("A") + "?" + RANGE + signedIn);
            awaitReady(d);
            assertThat(canvasDrawn(d, "topics")).isTrue();
            assertThat(canvasDrawn(d, "weeks")).isTrue();
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("learner");

            d.get(base + "/dashboards/cohort/" + C1 + "?" + RANGE + signedIn);
            awaitReady(d);
            int allCells = d.findElements(org.openqa.selenium.By.cssSelector("#heat td.cell")).size();
            assertThat(allCells).isPositive();
            assertThat(canvasDrawn(d, "trend")).isTrue();
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("cohort");
            String csvHref = d.findElement(org.openqa.selenium.By.id("csv")).getAttribute("href");
            String csv = http.getForObject(csvHref.replace(base, ""), String.class);
            JsonNode cohortJson = get("/api/v1/dashboards/cohorts/" + C1 + "?" + RANGE);
            assertThat(csv.lines().count() - 1).isEqualTo(cohortJson.path("cells").size());

            d.get(base + "/dashboards/cohort/" + C1 + "?from=" + MONDAY1.plusDays(7) + "&to=" + MONDAY1.plusDays(13));
            awaitReady(d);
            assertThat(d.findElements(org.openqa.selenium.By.cssSelector("#heat td.cell")).size()).as("a filter changes the heat map").isLessThan(allCells);

            d.get(base + "/dashboards/product?" + RANGE + signedIn);
            awaitReady(d);
            assertThat(canvasDrawn(d, "topics")).isTrue();
            assertThat(canvasDrawn(d, "items")).isTrue();
            assertThat(d.findElements(org.openqa.selenium.By.cssSelector("#flagged tr")).size()).isGreaterThan(1);
            assertThat(browser.consoleErrors()).isEmpty();
            browser.screenshot("product");
        }
    }

    private static void awaitReady(org.openqa.selenium.WebDriver d) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "true".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.dataset.ready || ''")));
    }

    /** True when Chart.js holds a chart with data on the canvas. */
    private static boolean canvasDrawn(org.openqa.selenium.WebDriver d, String id) {
        Object n = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const c = Chart.getChart(arguments[0]); return c ? c.data.datasets.reduce((s, ds) => s + ds.data.filter(x => x != null).length, 0) : 0;", id);
        return ((Number) n).longValue() > 0;
    }

    private JsonNode get(String path) throws Exception {
        var response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static JsonNode cell(JsonNode view, String learner, String topic) {
        for (JsonNode c : view.path("cells")) {
            if (c.path("learnerId").asText().equals(learner) && c.path("topicId").asText().equals(topic)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + learner + " x " + topic);
    }

    /** A topic's figure summed over its difficulty rows. */
    private static long topicTotal(JsonNode view, String topic, String field) {
        long total = 0;
        for (JsonNode row : view.path("topics")) {
            if (row.path("topicId").asText().equals(topic)) {
                total += row.path(field).asLong();
            }
        }
        return total;
    }

    private static JsonNode question(JsonNode view, String id) {
        for (JsonNode q : view.path("questions")) {
            if (q.path("questionId").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no question " + id + " in " + view);
    }

    private static JsonNode option(JsonNode question, String id) {
        for (JsonNode o : question.path("options")) {
            if (o.path("optionId").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no option " + id);
    }

    private static String id(String learner) {
        return learner + "-" + RUN;
    }

    private static long offset;

    private static AnswerRows.Row row(AnswerRecorded a) {
        return new AnswerRows.Row(a, 0, offset++);
    }

    private void profile(String learner, String cohort, String track) {
        clickHouse.update("INSERT INTO learners (learner_id, cohort, track, name, version) VALUES (?, ?, ?, ?, ?)",
                id(learner), cohort, track, learner, offset++);
    }

    private void mastery(String learner, String topic, double value, Instant at) {
        clickHouse.update("INSERT INTO mastery (learner_id, topic_id, mastery, answers, correct, caused_by, at, kafka_partition, kafka_offset) "
                + "VALUES (?, ?, ?, 1, 1, 'e', ?, 0, ?)", id(learner), topic, value, java.sql.Timestamp.from(at), offset++);
    }
}
