package dev.hone.ingest.answer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.RubricPoint;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import dev.hone.testkit.Engines;
import dev.hone.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The answer API on a real broker: grading per kind, and rejects that name the field and produce nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnswerApiIntegrationTests {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("hone.kafka.bootstrap-servers", Engines::kafkaBootstrap);
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signInAsAdmin() {
        http.getRestTemplate().setInterceptors(List.of(TestTokens.bearer(TestTokens.admin())));
    }

    @Autowired
    Catalog catalog;

    @Autowired
    @Qualifier("answerProducer")
    Producer<String, byte[]> singles;

    @Autowired
    @Qualifier("batchAnswerProducer")
    Producer<String, byte[]> batches;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSingleAnswerGoesThroughTheProducerWithoutLingerAndABatchThroughTheLingeringOne() {
        Question q = first(QuestionKind.SINGLE_CHOICE);
        double singlesBefore = recordsSent(singles);
        double batchesBefore = recordsSent(batches);
        long singleTimesBefore = producesTimed("single");
        long groupTimesBefore = producesTimed("group");

        assertThat(post(Map.of("learnerId", learner(), "questionId", q.id(), "response", rightAnswer(q))).getStatusCode().value())
                .isEqualTo(202);
        assertThat(recordsSent(singles) - singlesBefore).isEqualTo(1);
        assertThat(recordsSent(batches) - batchesBefore).isZero();
        assertThat(producesTimed("single") - singleTimesBefore).isEqualTo(1);

        List<Object> items = List.of(Map.of("learnerId", learner(), "questionId", q.id(), "response", rightAnswer(q)),
                Map.of("learnerId", learner(), "questionId", q.id(), "response", rightAnswer(q)));
        assertThat(http.postForEntity("/api/v1/answers/batch", Map.of("answers", items), JsonNode.class).getBody()
                .path("accepted").asInt()).isEqualTo(2);
        assertThat(recordsSent(batches) - batchesBefore).isEqualTo(2);
        assertThat(recordsSent(singles) - singlesBefore).isEqualTo(1);
        assertThat(producesTimed("group") - groupTimesBefore).as("one produce-time sample for the batch, not one per answer").isEqualTo(1);
        assertThat(producesTimed("single") - singleTimesBefore).isEqualTo(1);
    }

    private long producesTimed(String request) {
        return meters.get("hone.answers.produce").tag("outcome", "ok").tag("request", request).timer().count();
    }

    /** The producer's own count of records sent (acknowledged or not), from its metrics. */
    private static double recordsSent(Producer<String, byte[]> producer) {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("record-send-total") && e.getKey().group().equals("producer-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow();
    }

    @Test
    void gradesEveryKindOnTheServer() {
        for (QuestionKind kind : QuestionKind.values()) {
            Question q = first(kind);

            JsonNode right = post(Map.of("learnerId", learner(), "questionId", q.id(), "response", rightAnswer(q))).getBody();

            assertThat(right.path("correct").asBoolean()).as(q.id()).isTrue();
            assertThat(right.path("score").asDouble()).as(q.id()).isEqualTo(1.0);
            assertThat(right.path("eventId").asText()).isNotBlank();
            assertThat(right.path("feedback").path("explanation").asText()).as(q.id()).isEqualTo(q.explanation());
        }
    }

    @Test
    void servesQuestionsWithoutKeysAndGivesTheKeyOnlyWithTheAnswer() {
        Question q = first(QuestionKind.SINGLE_CHOICE);

        JsonNode served = http.getForObject("/api/v1/questions/" + q.id(), JsonNode.class);
        JsonNode answered = post(Map.of("learnerId", learner(), "questionId", q.id(), "response", rightAnswer(q))).getBody();

        assertThat(served.has("answer")).isFalse();
        assertThat(served.has("explanation")).isFalse();
        assertThat(served.toString()).doesNotContain(q.explanation()).doesNotContain("\"why\"");
        assertThat(answered.path("feedback").path("answer").asText()).isEqualTo(q.answer().text());
        assertThat(answered.path("feedback").path("options").size()).isEqualTo(q.options().size());
    }

    @Test
    void givesPartialCreditOnMultiChoice() {
        Question q = first(QuestionKind.MULTI_CHOICE);
        List<String> key = q.answer().keyedOptionIds();

        JsonNode half = post(Map.of("learnerId", learner(), "questionId", q.id(), "response", List.of(key.get(0)))).getBody();

        assertThat(half.path("correct").asBoolean()).isFalse();
        assertThat(half.path("score").asDouble()).isEqualTo(1.0 / key.size());
    }

    @Test
    void acceptsACodeOutputAnswerThatNamesTheException() {
        Question q = catalog.questions().stream()
                .filter(x -> x.kind() == QuestionKind.CODE_OUTPUT && x.answer().text().startsWith("raises:")).findFirst().orElseThrow();
        String exception = q.answer().text().substring("raises:".length()).strip();

        JsonNode named = post(Map.of("learnerId", learner(), "questionId", q.id(), "response", exception)).getBody();

        assertThat(named.path("correct").asBoolean()).isTrue();
    }

    @Test
    void aResendIsAnsweredLikeTheFirst() {
        Question q = first(QuestionKind.SINGLE_CHOICE);
        var body = Map.of("eventId", UUID.randomUUID().toString(), "learnerId", learner(), "questionId", q.id(), "response", rightAnswer(q));

        JsonNode first = post(body).getBody();
        JsonNode again = post(body).getBody();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void rejectsBadAnswersNamingTheFieldAndProducesNothingForThem() {
        String learner = learner();
        Question q = first(QuestionKind.SINGLE_CHOICE);
        Map<TopicPartition, Long> before = endOffsets();

        expectRejected(postRaw("{\"learnerId\":\"" + learner + "\",\"questionId\":"), "body");
        expectRejected(postRaw("{\"learnerId\":\"" + learner + "\",\"questionId\":\"" + q.id() + "\",\"response\":\"a\"} {}"), "body");
        expectRejected(post(Map.of("questionId", q.id(), "response", "a")), "learnerId");
        expectRejected(post(Map.of("learnerId", learner, "questionId", "no.such.q99", "response", "a")), "questionId");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id())), "response");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id(), "response", "zz")), "response");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id(), "response", 42)), "response");
        expectRejected(post(Map.of("learnerId", "not a valid id!", "questionId", q.id(), "response", "a")), "learnerId");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id(), "response", "a",
                "answeredAt", Instant.now().plus(Duration.ofDays(1)).toString())), "answeredAt");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id(), "response", "a", "responseMs", -5)), "responseMs");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id(), "response", "a", "answeredAt", "yesterday")), "answeredAt");
        expectRejected(post(Map.of("learnerId", learner, "questionId", q.id(), "response", "a", "colour", "red")), "colour");
        String marker = post(Map.of("learnerId", learner, "questionId", q.id(), "response", rightAnswer(q))).getBody().path("eventId").asText();

        List<AnswerRecorded> produced = readUntil(before, learner, marker);

        assertThat(produced).extracting(AnswerRecorded::eventId).containsExactly(marker);
    }

    @Test
    void aBatchAcceptsTheGoodAnswersAndRejectsTheBadOnesOneByOne() {
        String learner = learner();
        Question q = first(QuestionKind.SINGLE_CHOICE);
        Map<TopicPartition, Long> before = endOffsets();
        List<Object> items = java.util.Arrays.asList(
                Map.of("learnerId", learner, "questionId", q.id(), "response", rightAnswer(q)),
                Map.of("learnerId", learner, "questionId", "no.such.q99", "response", "a"),
                Map.of("learnerId", learner, "questionId", q.id(), "response", rightAnswer(q), "responseMs", "slow"),
                null,
                Map.of("learnerId", learner, "questionId", q.id(), "response", rightAnswer(q)));

        JsonNode reply = http.postForEntity("/api/v1/answers/batch", Map.of("answers", items), JsonNode.class).getBody();

        assertThat(reply.path("accepted").asInt()).isEqualTo(2);
        assertThat(reply.path("rejected").asInt()).isEqualTo(3);
        assertThat(reply.path("results").findValuesAsText("status")).containsExactly("202", "400", "400", "400", "202");
        assertThat(reply.path("results").path(1).path("errors").findValuesAsText("field")).containsExactly("questionId");
        assertThat(reply.path("results").path(2).path("errors").findValuesAsText("field")).containsExactly("responseMs");
        assertThat(reply.path("results").path(3).path("errors").findValuesAsText("field")).containsExactly("body");
        String lastAccepted = reply.path("results").path(4).path("eventId").asText();
        assertThat(readUntil(before, learner, lastAccepted)).hasSize(2);
    }

    @Test
    void aBatchOverTheLimitIsRejectedWhole() {
        Question q = first(QuestionKind.SINGLE_CHOICE);
        List<Object> items = java.util.Collections.nCopies(501, Map.of("learnerId", learner(), "questionId", q.id(), "response", "a"));

        ResponseEntity<JsonNode> reply = http.postForEntity("/api/v1/answers/batch", Map.of("answers", items), JsonNode.class);

        expectRejected(reply, "answers");
    }

    private void expectRejected(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = response.getBody().path("errors").findValuesAsText("field");
        assertThat(fields).as(String.valueOf(response.getBody())).contains(field);
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("dev.hone");
    }

    private Question first(QuestionKind kind) {
        return catalog.questions().stream().filter(q -> q.kind() == kind).findFirst().orElseThrow();
    }

    private static Object rightAnswer(Question q) {
        return switch (q.kind()) {
            case SINGLE_CHOICE -> q.answer().keyedOptionIds().get(0);
            case MULTI_CHOICE -> q.answer().keyedOptionIds();
            case CODE_OUTPUT -> q.answer().text();
            case SELF_ASSESSED -> q.rubric().stream().map(RubricPoint::id).toList();
        };
    }

    private static String learner() {
        return "it-" + UUID.randomUUID();
    }

    private ResponseEntity<JsonNode> post(Map<String, ?> body) {
        return http.postForEntity("/api/v1/answers", body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> postRaw(String json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/answers", new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static KafkaConsumer<String, AnswerRecorded> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafkaBootstrap()),
                new StringDeserializer(), Topics.ANSWERS.valueSerde().deserializer());
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANSWERS_NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** Everything produced for {@code learner} since {@code from}, read until the marker event arrives. */
    private static List<AnswerRecorded> readUntil(Map<TopicPartition, Long> from, String learner, String markerEventId) {
        List<AnswerRecorded> seen = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            await("the marker answer").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, AnswerRecorded> record : consumer.poll(Duration.ofMillis(200))) {
                    if (learner.equals(record.key())) {
                        seen.add(record.value());
                    }
                }
                return seen.stream().anyMatch(a -> a.eventId().equals(markerEventId));
            });
        }
        return seen;
    }

}
