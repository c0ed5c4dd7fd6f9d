package dev.hone.ingest.access;

import dev.hone.security.VerifiedTokenCache;
import dev.hone.testkit.Calls;
import dev.hone.testkit.Engines;
import dev.hone.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertySource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call ingest, role by role and endpoint by endpoint, on the real broker. Queue and
 * mastery are forwarded to a recommender that is not running here: a request the rules let
 * through ends in 503 from the missing recommender, a denied one never leaves ingest (403); the
 * recommender's own test and the end-to-end test cover the coach's cohort check behind it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestAccessIntegrationTests {

    static final String ADA = "ada-access";
    static final String BOB = "bob-access";

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hone.kafka.bootstrap-servers", Engines::kafkaBootstrap);
        registry.add("hone.recommender.url", () -> "http://127.0.0.1:9"); // nothing listens: forwarded reads answer 503
        registry.add("hone.recommender.timeout", () -> "1s");
        registry.add("hone.analytics.url", () -> "http://127.0.0.1:9"); // the readiness trend too
        registry.add("hone.analytics.timeout", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    static String answer(String learner) {
        return "{\"learnerId\":\"" + learner + "\",\"questionId\":\"core.gil.q01\",\"response\":\"a\"}";
    }

    static Stream<Arguments> table() {
        String ada = TestTokens.learner(ADA);
        String coach = TestTokens.coach("c-access");
        String product = TestTokens.product();
        String admin = TestTokens.admin();
        String profile = "{\"cohort\":\"c-access\",\"track\":\"web\"}";
        return Stream.of(
                // open: topics and questions (no keys), health
                Arguments.of("anonymous reads topics", "GET", "/api/v1/topics", null, null, 200),
                Arguments.of("anonymous reads a question", "GET", "/api/v1/questions/core.gil.q01", null, null, 200),
                Arguments.of("anonymous reads health", "GET", "/actuator/health", null, null, 200),
                Arguments.of("anonymous opens the practice page", "GET", "/practice/", null, null, 200),
                Arguments.of("anonymous loads the practice script", "GET", "/practice/practice.js", null, null, 200),
                // answers: the learner as themselves, admins for anyone
                Arguments.of("learner answers as themselves", "POST", "/api/v1/answers", ada, answer(ADA), 202),
                Arguments.of("learner answers as another", "POST", "/api/v1/answers", ada, answer(BOB), 403),
                Arguments.of("coach answers", "POST", "/api/v1/answers", coach, answer(BOB), 403),
                Arguments.of("product answers", "POST", "/api/v1/answers", product, answer(BOB), 403),
                Arguments.of("admin answers for a learner", "POST", "/api/v1/answers", admin, answer(BOB), 202),
                Arguments.of("anonymous answers", "POST", "/api/v1/answers", null, answer(ADA), 401),
                Arguments.of("coach posts a batch", "POST", "/api/v1/answers/batch", coach, "{\"answers\":[" + answer(BOB) + "]}", 403),
                // queue and mastery: forwarded (503 here) or denied
                Arguments.of("learner reads own queue", "GET", "/api/v1/learners/" + ADA + "/queue", ada, null, 503),
                Arguments.of("learner reads own mastery", "GET", "/api/v1/learners/" + ADA + "/mastery", ada, null, 503),
                Arguments.of("learner asks for a track that does not exist", "GET", "/api/v1/learners/" + ADA + "/queue?track=astronaut", ada, null, 400),
                Arguments.of("learner reads own queue for a track", "GET", "/api/v1/learners/" + ADA + "/queue?track=web", ada, null, 503),
                Arguments.of("learner reads own queue for a topic", "GET", "/api/v1/learners/" + ADA + "/queue?topic=core.gil", ada, null, 503),
                Arguments.of("learner asks for a topic that does not exist", "GET", "/api/v1/learners/" + ADA + "/queue?topic=core.nope", ada, null, 400),
                Arguments.of("learner asks for a topic in a placement", "GET", "/api/v1/learners/" + ADA + "/queue?mode=placement&topic=core.gil", ada, null, 400),
                Arguments.of("learner reads own readiness trend", "GET", "/api/v1/learners/" + ADA + "/readiness/weeks?track=web", ada, null, 503),
                Arguments.of("learner asks for the trend of a track that does not exist", "GET", "/api/v1/learners/" + ADA + "/readiness/weeks?track=astronaut", ada, null, 400),
                Arguments.of("learner reads another's readiness trend", "GET", "/api/v1/learners/" + BOB + "/readiness/weeks", ada, null, 403),
                Arguments.of("product reads a learner's readiness trend", "GET", "/api/v1/learners/" + BOB + "/readiness/weeks", product, null, 403),
                Arguments.of("learner reads another's queue", "GET", "/api/v1/learners/" + BOB + "/queue", ada, null, 403),
                Arguments.of("learner reads another's mastery", "GET", "/api/v1/learners/" + BOB + "/mastery", ada, null, 403),
                Arguments.of("coach's read goes on to the recommender", "GET", "/api/v1/learners/" + BOB + "/mastery", coach, null, 503),
                Arguments.of("product reads a learner's queue", "GET", "/api/v1/learners/" + BOB + "/queue", product, null, 403),
                Arguments.of("product reads a learner's mastery", "GET", "/api/v1/learners/" + BOB + "/mastery", product, null, 403),
                Arguments.of("admin reads a queue", "GET", "/api/v1/learners/" + BOB + "/queue", admin, null, 503),
                Arguments.of("anonymous reads a queue", "GET", "/api/v1/learners/" + ADA + "/queue", null, null, 401),
                // profiles: admin only
                Arguments.of("admin sets a profile", "PUT", "/api/v1/learners/" + BOB + "/profile", admin, profile, 202),
                Arguments.of("learner sets own profile", "PUT", "/api/v1/learners/" + ADA + "/profile", ada, profile, 403),
                Arguments.of("coach sets a profile", "PUT", "/api/v1/learners/" + BOB + "/profile", coach, profile, 403),
                Arguments.of("product sets a profile", "PUT", "/api/v1/learners/" + BOB + "/profile", product, profile, 403),
                // erasure: admin, or the learner themselves
                Arguments.of("learner erases themselves", "DELETE", "/api/v1/learners/" + ADA + "-erased", TestTokens.learner(ADA + "-erased"), null, 202),
                Arguments.of("learner erases another", "DELETE", "/api/v1/learners/" + BOB, ada, null, 403),
                Arguments.of("coach erases a learner", "DELETE", "/api/v1/learners/" + BOB, coach, null, 403),
                Arguments.of("product erases a learner", "DELETE", "/api/v1/learners/" + BOB, product, null, 403),
                Arguments.of("admin erases a learner", "DELETE", "/api/v1/learners/" + BOB + "-erased", admin, null, 202),
                Arguments.of("anonymous erases a learner", "DELETE", "/api/v1/learners/" + BOB, null, null, 401),
                // an erasure's status: the same rule; asked of the recommender and analytics (unreachable here: 503)
                Arguments.of("learner follows own erasure", "GET", "/api/v1/learners/" + ADA + "/erasure", ada, null, 503),
                Arguments.of("learner follows another's erasure", "GET", "/api/v1/learners/" + BOB + "/erasure", ada, null, 403),
                Arguments.of("coach follows an erasure", "GET", "/api/v1/learners/" + BOB + "/erasure", coach, null, 403),
                Arguments.of("product follows an erasure", "GET", "/api/v1/learners/" + BOB + "/erasure", product, null, 403),
                Arguments.of("admin follows an erasure", "GET", "/api/v1/learners/" + BOB + "/erasure", admin, null, 503),
                Arguments.of("anonymous follows an erasure", "GET", "/api/v1/learners/" + BOB + "/erasure", null, null, 401),
                Arguments.of("admin waits for an erasure the services cannot confirm", "DELETE", "/api/v1/learners/" + BOB + "-erased?wait=1", admin, null, 202),
                // operations and integrations
                Arguments.of("learner reads metrics", "GET", "/actuator/metrics", ada, null, 403),
                Arguments.of("admin reads metrics", "GET", "/actuator/metrics", admin, null, 200),
                Arguments.of("learner posts xAPI", "POST", "/xapi/statements", ada, "[]", 403));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @MethodSource("table")
    void eachRoleGetsWhatTheRulesSay(String name, String method, String path, String token, String body, int expected) {
        Calls.Reply reply = Calls.send("http://127.0.0.1:" + port, method, path, token, body);

        assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains("\"status\":" + expected).doesNotContain("Exception").doesNotContain("dev.hone");
        }
        if (expected == 401) {
            assertThat(reply.challenge()).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
        }
    }

    @Test
    void forgedExpiredAndMalformedTokensAre401WithAChallenge() {
        String valid = TestTokens.learner(ADA);
        assertThat(Calls.send("http://127.0.0.1:" + port, "POST", "/api/v1/answers", valid, answer(ADA)).status()).isEqualTo(202);
        // the valid token is now remembered (VerifiedTokenCache): a token differing from it in any byte is still checked
        assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
        for (String token : new String[]{TestTokens.forged(), TestTokens.expired(), "not-a-jwt", valid + "x", valid.substring(0, valid.length() - 2),
                // not token characters: read by Spring's own resolver (BearerHeader hands it over), refused as malformed
                valid + "!", "=" + valid}) {
            Calls.Reply reply = Calls.send("http://127.0.0.1:" + port, "POST", "/api/v1/answers", token, answer(ADA));

            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.challenge()).hasValueSatisfying(c -> assertThat(c).contains("invalid_token"));
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("Nimbus");
        }
    }

    @Test
    void aBatchRejectsOnlyTheItemsOfOtherLearners() {
        String body = "{\"answers\":[" + answer(ADA) + "," + answer(BOB) + "]}";

        Calls.Reply reply = Calls.send("http://127.0.0.1:" + port, "POST", "/api/v1/answers/batch", TestTokens.learner(ADA), body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"accepted\":1").contains("\"rejected\":1")
                .contains("{\"index\":1,\"status\":403,\"errors\":[{\"field\":\"learnerId\"");
    }
}
