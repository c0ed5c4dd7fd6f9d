package dev.hone.analytics;

import dev.hone.analytics.clickhouse.Migrations;
import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import dev.hone.testkit.Engines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The loader against the real Kafka and ClickHouse: counts, resent events, redelivery, erasure, migrations. */
@SpringBootTest
class LoaderIntegrationTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        registry.add("hone.clickhouse.url", Engines::clickHouseHttp);
        registry.add("hone.clickhouse.database", () -> "hone_loader_" + RUN);
        registry.add("hone.loader.bootstrap-servers", Engines::kafkaBootstrap);
        registry.add("hone.loader.group-id", () -> "analytics-it-" + RUN);
        GroupAtEnd.prepare(Engines.kafkaBootstrap(), "analytics-it-" + RUN);
    }

    @Autowired
    JdbcTemplate clickHouse;
    @Autowired
    Migrations migrations;

    @Test
    void everyAnswerSentTwiceIsCountedOnce() {
        Question q = TestData.singleChoice("core.gil").isEmpty() ? TestData.CATALOG.questions().iterator().next() : TestData.singleChoice("core.gil").get(0);
        List<AnswerRecorded> sent = new ArrayList<>();
        for (int l = 0; l < 20; l++) {
            for (int i = 0; i < 10; i++) {
                sent.add(TestData.answer("twice-" + l + "-" + RUN, q, i % 3 == 0, Instant.now().minusSeconds(i), 1000 + i));
            }
        }

        produce(sent);
        produce(sent);

        await().atMost(Duration.ofSeconds(60)).until(() -> count("answers WHERE learner_id LIKE 'twice-%-" + RUN + "'") >= 200);
        String marker = "after-" + RUN;
        produce(List.of(TestData.answer(marker, q, true, Instant.now(), 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("answers WHERE learner_id = '" + marker + "'") == 1);
        assertThat(count("answers WHERE learner_id LIKE 'twice-%-" + RUN + "'")).isEqualTo(200);
        assertThat(clickHouse.queryForObject("SELECT sum(c) FROM (SELECT countMerge(answers) AS c FROM learner_topic_week "
                + "WHERE learner_id LIKE 'twice-%-" + RUN + "' GROUP BY learner_id)", Long.class)).isEqualTo(200);
        assertThat(clickHouse.queryForObject("SELECT uniqExact(event_id) FROM answers WHERE learner_id LIKE 'twice-%-" + RUN + "'", Long.class))
                .isEqualTo(200);
    }

    @Test
    void anAnswerIsStoredWithTheTrackItsLearnerIsInWhenItIsLoaded() {
        Question q = TestData.CATALOG.questions().stream().filter(x -> x.kind().hasOptions()).findFirst().orElseThrow();
        String learner = "tracked-" + RUN;
        produceProfile(learner, new LearnerProfile(LearnerProfile.SCHEMA, learner, "c-" + RUN, "data-ml", "Dee"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("learners WHERE learner_id = '" + learner + "'") == 1);

        produce(List.of(TestData.answer(learner, q, true, Instant.now(), 10)));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("answers WHERE learner_id = '" + learner + "'") == 1);
        assertThat(clickHouse.queryForObject("SELECT track FROM answers WHERE learner_id = ?", String.class, learner)).isEqualTo("data-ml");
        // the INSERT writes answers, then the views' tables: a reader can see the row a moment before its aggregate
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(clickHouse.queryForObject(
                "SELECT countMerge(answers) FROM track_question_week WHERE track = 'data-ml' AND question_id = ?", Long.class, q.id())).isEqualTo(1));
    }

    @Test
    void aTombstoneErasesTheLearnersRows() {
        Question q = TestData.CATALOG.questions().stream().filter(x -> x.kind().hasOptions()).findFirst().orElseThrow();
        String learner = "erased-" + RUN;
        produceProfile(learner, new LearnerProfile(LearnerProfile.SCHEMA, learner, "c-" + RUN, "web", "Eve"));
        produce(List.of(TestData.answer(learner, q, true, Instant.now(), 10), TestData.answer(learner, q, false, Instant.now(), 20)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("answers WHERE learner_id = '" + learner + "'") == 2
                && count("learners WHERE learner_id = '" + learner + "'") == 1);

        produceProfile(learner, null);

        await().atMost(Duration.ofSeconds(60)).until(() -> count("answers WHERE learner_id = '" + learner + "'") == 0
                && count("learner_topic_week WHERE learner_id = '" + learner + "'") == 0
                && count("learners WHERE learner_id = '" + learner + "'") == 0);

        // still in flight at the erasure (recorded before it): never stored; the same id back later: a new learner
        AnswerRecorded inFlight = TestData.answer(learner, q, true, Instant.now().minusSeconds(30), 30);
        AnswerRecorded anew = TestData.answer(learner, q, false, Instant.now().plusSeconds(5), 40);
        produce(List.of(inFlight, anew));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("answers WHERE event_id = '" + anew.eventId() + "'") == 1);
        assertThat(count("answers WHERE learner_id = '" + learner + "'")).isEqualTo(1);
    }

    @Test
    void migrationsAreRecordedAndAppliedOnce() {
        List<Integer> again = migrations.apply();

        assertThat(again).isEmpty();
        assertThat(clickHouse.queryForList("SELECT version FROM schema_migrations ORDER BY version", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private long count(String from) {
        return clickHouse.queryForObject("SELECT count() FROM " + from, Long.class);
    }

    static void produce(List<AnswerRecorded> answers) {
        try (var producer = producer()) {
            for (AnswerRecorded a : answers) {
                producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, a.learnerId(), Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, a)));
            }
        }
    }

    static void produceProfile(String learner, LearnerProfile profile) {
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.LEARNERS_NAME, learner, Topics.LEARNERS.valueSerde().serializer().serialize(Topics.LEARNERS_NAME, profile)));
        }
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
