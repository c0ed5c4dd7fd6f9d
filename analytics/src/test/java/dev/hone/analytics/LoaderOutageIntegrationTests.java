package dev.hone.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import dev.hone.testkit.Engines;
import dev.hone.testkit.PrivateClickHouse;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ClickHouse goes away while answers flow (a private server, killed with SIGKILL, so the shared
 * test database stays up for the other tests): the loader keeps its offsets, reports itself
 * down, and when ClickHouse is back it catches up with every answer stored exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoaderOutageIntegrationTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String GROUP = "analytics-outage-" + RUN;
    static final String DATABASE = "hone_outage";
    static PrivateClickHouse clickHouse;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        clickHouse = PrivateClickHouse.startIn(Path.of("target", "clickhouse-outage-" + RUN));
        registry.add("hone.clickhouse.url", clickHouse::httpUrl);
        registry.add("hone.clickhouse.database", () -> DATABASE);
        registry.add("hone.loader.bootstrap-servers", Engines::kafkaBootstrap);
        registry.add("hone.loader.group-id", () -> GROUP);
        registry.add("hone.loader.max-batch-wait", () -> "200ms");
        registry.add("hone.loader.retry-backoff", () -> "200ms");
        registry.add("hone.loader.max-retry-backoff", () -> "1s");
        GroupAtEnd.prepare(Engines.kafkaBootstrap(), GROUP);
    }

    @AfterAll
    static void stopClickHouse() {
        if (clickHouse != null) {
            clickHouse.close();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void theLoaderWaitsOutAClickHouseOutageAndThenStoresEveryAnswerOnce() throws Exception {
        Question q = TestData.singleChoice("core.gil").get(0);
        LoaderIntegrationTests.produce(answers("before", 200, q));
        await().atMost(Duration.ofSeconds(60)).until(() -> count() == 200);
        Map<Integer, Long> endOfBefore = endAnswerOffsets();
        await().atMost(Duration.ofSeconds(30)).until(() -> committedAnswerOffsets().equals(endOfBefore));

        clickHouse.kill();
        Map<Integer, Long> committedAtOutage = committedAnswerOffsets();
        List<AnswerRecorded> during = answers("during", 2_000, q);
        LoaderIntegrationTests.produce(during);

        await().atMost(Duration.ofSeconds(60)).until(() -> "DOWN".equals(loaderStatus()));
        assertThat(committedAnswerOffsets()).as("no offset moves while nothing can be stored").isEqualTo(committedAtOutage);

        clickHouse.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> count() == 2_200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(loaderStatus()));
        assertThat(query("SELECT uniqExact(event_id) FROM " + DATABASE + ".answers WHERE learner_id LIKE '%-" + RUN + "'"))
                .as("each event once").isEqualTo("2200");
        assertThat(query("SELECT sum(c) FROM (SELECT countMerge(answers) AS c FROM " + DATABASE + ".learner_topic_week "
                + "WHERE learner_id LIKE '%-" + RUN + "' GROUP BY learner_id)")).as("the aggregates agree").isEqualTo("2200");
    }

    private static List<AnswerRecorded> answers(String phase, int n, Question q) {
        List<AnswerRecorded> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(TestData.answer(phase + "-" + (i % 40) + "-" + RUN, q, i % 3 != 0, Instant.now().minusSeconds(i), 500 + i));
        }
        return sent;
    }

    private String loaderStatus() throws Exception {
        String body = http.getForEntity("/actuator/health", String.class).getBody();
        JsonNode loader = new ObjectMapper().readTree(body).path("components").path("loader");
        return loader.path("status").asText();
    }

    private static Map<Integer, Long> committedAnswerOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Engines.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.ANSWERS_NAME) && e.getValue() != null)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        }
    }

    private static Map<Integer, Long> endAnswerOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Engines.kafkaBootstrap()))) {
            var partitions = admin.describeTopics(List.of(Topics.ANSWERS_NAME)).allTopicNames().get().get(Topics.ANSWERS_NAME).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.ANSWERS_NAME, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        }
    }

    private static long count() {
        try {
            return Long.parseLong(query("SELECT count() FROM " + DATABASE + ".answers WHERE learner_id LIKE '%-" + RUN + "'"));
        } catch (Exception e) {
            return -1; // ClickHouse not answering yet
        }
    }

    /** Over ClickHouse's HTTP interface, so the check shares no connection pool with the loader. */
    private static String query(String sql) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(clickHouse.httpUrl() + "/")).POST(HttpRequest.BodyPublishers.ofString(sql)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse: " + response.body());
        }
        return response.body().strip();
    }
}
