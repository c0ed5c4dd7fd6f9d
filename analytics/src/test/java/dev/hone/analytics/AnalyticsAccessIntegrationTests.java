package dev.hone.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hone.analytics.loader.AnswerRows;
import dev.hone.catalog.Question;
import dev.hone.events.Ids;
import dev.hone.testkit.HeadlessChromium;
import dev.hone.testkit.Calls;
import dev.hone.testkit.Engines;
import dev.hone.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read which dashboard, JSON and CSV, role by role, with learners and cohorts in the
 * real ClickHouse; and the pages in headless Chromium show a learner their own dashboard and ask
 * for another token on someone else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsAccessIntegrationTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ADA = "ada-" + RUN;
    static final String EVE = "eve-" + RUN;
    static final String MINE = "mine-" + RUN;
    static final String THEIRS = "theirs-" + RUN;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hone.clickhouse.url", Engines::clickHouseHttp);
        registry.add("hone.clickhouse.database", () -> "hone_access_" + RUN);
        registry.add("hone.loader.enabled", () -> "false");
    }

    @Autowired
    AnswerRows answers;
    @Autowired
    JdbcTemplate clickHouse;
    @LocalServerPort
    int port;

    @BeforeAll
    void learnersInTwoCohorts() throws Exception {
        Question q = question();
        Instant at = Instant.now().minus(Duration.ofDays(2));
        answers.insert(List.of(new AnswerRows.Row(TestData.answer(ADA, q, true, at, 1000), 0, 1),
                new AnswerRows.Row(TestData.answer(EVE, q, false, at, 1000), 0, 2)));
        clickHouse.update("INSERT INTO learners (learner_id, cohort, track, name, version) VALUES (?, ?, 'web', 'Ada', 3)", ADA, MINE);
        clickHouse.update("INSERT INTO learners (learner_id, cohort, track, name, version) VALUES (?, ?, 'web', 'Eve', 4)", EVE, THEIRS);
    }

    static Question question() {
        return TestData.CATALOG.topics().stream().flatMap(t -> TestData.singleChoice(t.id()).stream()).findFirst().orElseThrow();
    }

    Stream<Arguments> table() {
        String ada = TestTokens.learner(ADA);
        String coach = TestTokens.coach(MINE);
        String product = TestTokens.product();
        String admin = TestTokens.admin();
        String api = "/api/v1/dashboards";
        String drillMine = api + "/cohorts/" + MINE + "/learners/" + ADA + "/topics/" + question().topic();
        String drillSmuggled = api + "/cohorts/" + MINE + "/learners/" + EVE + "/topics/" + question().topic();
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String format : new String[]{"", "?format=csv"}) {
            // a learner's dashboard: the learner, their cohort's coach, admin
            rows.add(Arguments.of("learner reads own dashboard" + format, api + "/learners/" + ADA + format, ada, 200));
            rows.add(Arguments.of("learner reads another's dashboard" + format, api + "/learners/" + EVE + format, ada, 403));
            rows.add(Arguments.of("coach reads a learner of their cohort" + format, api + "/learners/" + ADA + format, coach, 200));
            rows.add(Arguments.of("coach reads a learner of another cohort" + format, api + "/learners/" + EVE + format, coach, 403));
            rows.add(Arguments.of("product reads a learner" + format, api + "/learners/" + ADA + format, product, 403));
            rows.add(Arguments.of("admin reads a learner" + format, api + "/learners/" + EVE + format, admin, 200));
            rows.add(Arguments.of("anonymous reads a learner" + format, api + "/learners/" + ADA + format, null, 401));
            // a cohort's dashboards
            rows.add(Arguments.of("coach reads their cohort" + format, api + "/cohorts/" + MINE + format, coach, 200));
            rows.add(Arguments.of("coach reads their at-risk list" + format, api + "/cohorts/" + MINE + "/at-risk" + format, coach, 200));
            rows.add(Arguments.of("coach reads another cohort" + format, api + "/cohorts/" + THEIRS + format, coach, 403));
            rows.add(Arguments.of("coach reads another at-risk list" + format, api + "/cohorts/" + THEIRS + "/at-risk" + format, coach, 403));
            rows.add(Arguments.of("learner reads a cohort" + format, api + "/cohorts/" + MINE + format, ada, 403));
            rows.add(Arguments.of("product reads a cohort" + format, api + "/cohorts/" + MINE + format, product, 403));
            rows.add(Arguments.of("admin reads a cohort" + format, api + "/cohorts/" + THEIRS + format, admin, 200));
            rows.add(Arguments.of("coach drills into their learner" + format, drillMine + format, coach, 200));
            rows.add(Arguments.of("coach drills into a learner of another cohort via theirs" + format, drillSmuggled + format, coach, 403));
            rows.add(Arguments.of("product drills into a learner" + format, drillMine + format, product, 403));
            // content analytics: product and admin; a coach filtered to their cohort
            for (String view : new String[]{"/topics", "/questions", "/questions/flagged"}) {
                String q = format.isEmpty() ? "" : "&format=csv";
                rows.add(Arguments.of("product reads " + view + format, api + view + "?x=1" + q, product, 200));
                rows.add(Arguments.of("admin reads " + view + format, api + view + "?x=1" + q, admin, 200));
                rows.add(Arguments.of("coach reads " + view + " of their cohort" + format, api + view + "?cohort=" + MINE + q, coach, 200));
                rows.add(Arguments.of("coach reads " + view + " of all cohorts" + format, api + view + "?x=1" + q, coach, 403));
                rows.add(Arguments.of("coach reads " + view + " of another cohort" + format, api + view + "?cohort=" + THEIRS + q, coach, 403));
                rows.add(Arguments.of("learner reads " + view + format, api + view + "?x=1" + q, ada, 403));
                rows.add(Arguments.of("anonymous reads " + view + format, api + view + "?x=1" + q, null, 401));
            }
        }
        // how far an erasure got: admins and the learner themselves
        String erasure = "/api/v1/learners/%s/erasure";
        rows.add(Arguments.of("learner follows own erasure", String.format(erasure, ADA), ada, 200));
        rows.add(Arguments.of("learner follows another's erasure", String.format(erasure, EVE), ada, 403));
        rows.add(Arguments.of("coach follows an erasure of their cohort", String.format(erasure, ADA), coach, 403));
        rows.add(Arguments.of("product follows an erasure", String.format(erasure, ADA), product, 403));
        rows.add(Arguments.of("admin follows an erasure", String.format(erasure, EVE), admin, 200));
        rows.add(Arguments.of("anonymous follows an erasure", String.format(erasure, ADA), null, 401));
        // the readiness trend alone (what ingest relays to the practice page): same rule as the learner's dashboard
        rows.add(Arguments.of("learner reads own readiness trend", api + "/learners/" + ADA + "/readiness/weeks?track=web", ada, 200));
        rows.add(Arguments.of("learner reads another's readiness trend", api + "/learners/" + EVE + "/readiness/weeks", ada, 403));
        rows.add(Arguments.of("coach reads the readiness trend of their learner", api + "/learners/" + ADA + "/readiness/weeks", coach, 200));
        rows.add(Arguments.of("product reads a readiness trend", api + "/learners/" + ADA + "/readiness/weeks", product, 403));
        rows.add(Arguments.of("forged token", api + "/topics", TestTokens.forged(), 401));
        rows.add(Arguments.of("expired token", api + "/topics", TestTokens.expired(), 401));
        rows.add(Arguments.of("anonymous reads health", "/actuator/health", null, 200));
        rows.add(Arguments.of("product reads metrics", "/actuator/metrics", product, 403));
        rows.add(Arguments.of("pages are open shells", "/dashboards/product", null, 200));
        return rows.build();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("table")
    void eachRoleGetsWhatTheRulesSay(String name, String path, String token, int expected) {
        Calls.Reply reply = Calls.send("http://127.0.0.1:" + port, "GET", path, token, null);

        assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("dev.hone").doesNotContain(EVE);
        }
        if (expected == 401) {
            assertThat(reply.challenge()).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
        }
    }

    @Test
    void aBadLearnerIdGetsTheSameProblemFromTheErasureAndTheAnswers() throws Exception {
        String bad = "x".repeat(129);
        String base = "http://127.0.0.1:" + port;

        Calls.Reply erasure = Calls.send(base, "GET", "/api/v1/learners/" + bad + "/erasure", TestTokens.admin(), null);
        Calls.Reply answers = Calls.send(base, "GET", "/api/v1/learners/" + bad + "/answers", TestTokens.admin(), null);

        for (Calls.Reply reply : List.of(erasure, answers)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        var json = new ObjectMapper();
        ObjectNode first = (ObjectNode) json.readTree(erasure.body());
        ObjectNode second = (ObjectNode) json.readTree(answers.body());
        first.remove("instance");
        second.remove("instance");
        assertThat(first).isEqualTo(second);
        assertThat(first.path("title").asText()).isEqualTo("Invalid request");
        assertThat(first.path("errors").get(0).path("field").asText()).isEqualTo("learnerId");
        assertThat(first.path("errors").get(0).path("reason").asText()).isEqualTo(Ids.RULE);
    }

    @Test
    void aLearnerSeesTheirOwnPageAndIsAskedForAnotherTokenOnSomeoneElses() throws Exception {
        try (var browser = new HeadlessChromium()) {
            var d = browser.driver();
            String base = "http://127.0.0.1:" + port;

            d.get(base + "/dashboards/learner/" + ADA + "#token=" + TestTokens.learner(ADA));
            await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                    ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready || ''")));
            assertThat(d.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");

            d.get(base + "/dashboards/learner/" + EVE);
            await().atMost(Duration.ofSeconds(20)).until(() -> !d.findElements(By.id("signin")).isEmpty());
            assertThat(d.findElement(By.id("signin")).getText()).contains("does not allow");
            assertThat(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready || ''")).isEqualTo("");
            assertThat(d.getPageSource()).doesNotContain("Eve");
        }
    }
}
