package dev.hone.recommender.access;

import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import dev.hone.testkit.Calls;
import dev.hone.testkit.Engines;
import dev.hone.testkit.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read a learner's queue and mastery on the recommender, with profiles (cohorts) that
 * arrive through the real {@code hone.learners.v1}: a coach reads the learners of their cohorts
 * and no one else, a learner only themselves, product no one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a cached context would keep its Streams app running and writing mastery for every later test's answers
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RecommenderAccessIntegrationTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String BOB = "bob-" + RUN;
    static final String EVE = "eve-" + RUN;
    static final String COHORT = "c-" + RUN;

    static final Path state = tempDir();

    static Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("recommender-access-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hone.streams.bootstrap-servers", Engines::kafkaBootstrap);
        registry.add("hone.streams.application-id", () -> "recommender-access-" + RUN);
        registry.add("hone.streams.state-dir", () -> state.toString());
    }

    @LocalServerPort
    int port;

    @BeforeAll
    void profilesArrive() throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(profile(BOB, COHORT)).get();
            producer.send(profile(EVE, "another-" + RUN)).get();
        }
        String coach = TestTokens.coach(COHORT);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> call("GET", "/api/v1/learners/" + BOB + "/mastery", coach).status() == 200);
    }

    static ProducerRecord<String, byte[]> profile(String learner, String cohort) {
        var profile = new LearnerProfile(LearnerProfile.SCHEMA, learner, cohort, "web", null);
        return new ProducerRecord<>(Topics.LEARNERS_NAME, learner, Topics.LEARNERS.valueSerde().serializer().serialize(Topics.LEARNERS_NAME, profile));
    }

    Calls.Reply call(String method, String path, String token) {
        return Calls.send("http://127.0.0.1:" + port, method, path, token, null);
    }

    Stream<Arguments> table() {
        String bob = TestTokens.learner(BOB);
        String coach = TestTokens.coach(COHORT);
        String product = TestTokens.product();
        String admin = TestTokens.admin();
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String what : new String[]{"queue?n=3", "mastery"}) {
            rows.add(Arguments.of("learner reads own " + what, BOB, what, bob, 200));
            rows.add(Arguments.of("learner reads another's " + what, EVE, what, bob, 403));
            rows.add(Arguments.of("coach reads a learner of their cohort: " + what, BOB, what, coach, 200));
            rows.add(Arguments.of("coach reads a learner of another cohort: " + what, EVE, what, coach, 403));
            rows.add(Arguments.of("coach reads a learner without a profile: " + what, "nobody-" + RUN, what, coach, 403));
            rows.add(Arguments.of("product reads a learner: " + what, BOB, what, product, 403));
            rows.add(Arguments.of("admin reads a learner: " + what, EVE, what, admin, 200));
            rows.add(Arguments.of("anonymous reads a learner: " + what, BOB, what, null, 401));
            rows.add(Arguments.of("forged token reads a learner: " + what, BOB, what, TestTokens.forged(), 401));
            rows.add(Arguments.of("expired token reads a learner: " + what, BOB, what, TestTokens.expired(), 401));
        }
        rows.add(Arguments.of("learner reads own queue for another track", BOB, "queue?n=3&track=data-ml", bob, 200));
        rows.add(Arguments.of("learner asks for a track that does not exist", BOB, "queue?n=3&track=astronaut", bob, 400));
        return rows.build();
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("table")
    void eachRoleGetsWhatTheRulesSay(String name, String learner, String what, String token, int expected) {
        Calls.Reply reply = call("GET", "/api/v1/learners/" + learner + "/" + what, token);

        assertThat(reply.status()).as(name + ": " + reply.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("dev.hone");
        }
        if (expected == 401) {
            assertThat(reply.challenge()).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
        }
    }

    @Test
    void healthIsOpenAndMetricsAreForAdmins() {
        assertThat(call("GET", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(call("GET", "/actuator/metrics", TestTokens.learner(BOB)).status()).isEqualTo(403);
        assertThat(call("GET", "/actuator/metrics", TestTokens.admin()).status()).isEqualTo(200);
    }
}
