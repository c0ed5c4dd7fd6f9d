package dev.hone.ingest.learner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import dev.hone.testkit.Engines;
import dev.hone.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Profiles and erasure become records on the compacted hone.learners.v1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileApiIntegrationTests {

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

    @Test
    void aProfileAndThenAnErasureReachTheLearnersTopicInOrder() {
        String learner = "profile-" + UUID.randomUUID();

        ResponseEntity<JsonNode> put = http.exchange("/api/v1/learners/" + learner + "/profile", HttpMethod.PUT,
                new HttpEntity<>(Map.of("cohort", "spring-26", "track", "web")), JsonNode.class);
        ResponseEntity<JsonNode> bad = http.exchange("/api/v1/learners/" + learner + "/profile", HttpMethod.PUT,
                new HttpEntity<>(Map.of("track", "astronaut")), JsonNode.class);
        ResponseEntity<JsonNode> erase = http.exchange("/api/v1/learners/" + learner, HttpMethod.DELETE, null, JsonNode.class);

        assertThat(put.getStatusCode().value()).isEqualTo(202);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().path("errors").findValuesAsText("field")).containsExactly("track");
        assertThat(erase.getStatusCode().value()).isEqualTo(202);
        List<LearnerProfile> records = recordsOf(learner, 2);
        assertThat(records.get(0).track()).isEqualTo("web");
        assertThat(records.get(0).cohort()).isEqualTo("spring-26");
        assertThat(records.get(1)).as("tombstone").isNull();
    }

    private static List<LearnerProfile> recordsOf(String learner, int expected) {
        List<LearnerProfile> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.kafkaBootstrap()),
                new StringDeserializer(), Topics.LEARNERS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LEARNERS_NAME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("the learner's records").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, LearnerProfile> record : consumer.poll(Duration.ofMillis(200))) {
                    if (learner.equals(record.key())) {
                        seen.add(record.value());
                    }
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }
}
