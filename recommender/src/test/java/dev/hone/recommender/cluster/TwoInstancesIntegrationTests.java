package dev.hone.recommender.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.EventJson;
import dev.hone.events.MasteryChanged;
import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.testkit.Engines;
import dev.hone.testkit.ServiceProcess;
import dev.hone.testkit.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Two recommender instances (their packaged jars, as `./hone up` runs them) on the real broker,
 * 12 partitions: every learner's queue and mastery can be read from either instance; one instance
 * killed with SIGKILL in the middle of the stream loses no update and applies none twice: the
 * committed mastery records and the survivor's state equal a replay of the same answers through
 * the model library. Standby replicas: {@code -Dhone.it.standby-replicas=N} (default 1).
 */
class TwoInstancesIntegrationTests {

    private static final String ADMIN = TestTokens.admin();

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesIntegrationTests.class);

    private static final int PARTITIONS = 12;
    /** One task per partition in each of the two sub-topologies (learners, items). */
    private static final int TASKS = 2 * PARTITIONS;
    private static final int LEARNERS = 200;
    private static final int ANSWERS_PER_LEARNER = 20;
    private static final double RESEND_SHARE = 0.05;
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration TAKEOVER = Duration.ofMinutes(4);

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String LEARNER_PREFIX = "two-" + RUN + "-";
    private static final Catalog CATALOG = Catalog.bundled();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String kafka;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        kafka = Engines.kafkaBootstrap();
        ensurePartitions();
        String standbys = System.getProperty("hone.it.standby-replicas", "1");
        Map<String, String> env = Map.of(
                "HONE_KAFKA_BOOTSTRAP", kafka,
                "HONE_KAFKA_PARTITIONS", Integer.toString(PARTITIONS),
                "HONE_RECOMMENDER_APP_ID", "hone-two-instances-" + RUN,
                "HONE_STREAMS_STANDBYREPLICAS", standbys,
                "HONE_DEV_TOKEN_SECRET", TestTokens.SECRET);
        first = startInstance("first", env);
        second = startInstance("second", env);
        for (ServiceProcess instance : List.of(first, second)) {
            await(instance.name() + " ready").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .ignoreException(java.net.ConnectException.class).until(() -> {
                assertThat(instance.isAlive()).as(instance.name() + " exited; see " + instance.log()).isTrue();
                return get(instance.url() + "/actuator/health/readiness").statusCode() == 200;
            });
        }
        log.info("two recommenders running, {} standby replicas, learners {}*", standbys, LEARNER_PREFIX);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        for (ServiceProcess instance : new ServiceProcess[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void everyInstanceServesEveryLearnerAndAKilledInstanceLosesNoUpdateAndAppliesNoneTwice() throws Exception {
        List<AnswerRecorded> sent = answers();
        int beforeKill = sent.size() * 4 / 10;
        int killDuring = sent.size() * 7 / 10;
        Replay replay = Replay.of(sent);
        List<Integer> statuses = new ArrayList<>();

        try (var producer = producer(); var mastery = new MasteryLog(kafka, LEARNER_PREFIX)) {
            send(producer, sent.subList(0, beforeKill));
            int firstPart = Replay.of(sent.subList(0, beforeKill)).records();
            await("the first part processed").atMost(TAKEOVER).until(() -> mastery.poll() >= firstPart);

            for (int i = 0; i < 20; i++) {
                String learner = learner(i * 10);
                await("both instances give " + learner + " the same queue").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(queue(first, learner)).isEqualTo(queue(second, learner)).isNotEmpty());
            }

            await("between them the two instances run every task once").atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        int onFirst = activeTasks(first);
                        int onSecond = activeTasks(second);
                        return onFirst > 0 && onSecond > 0 && onFirst + onSecond == TASKS;
                    });

            send(producer, sent.subList(beforeKill, killDuring));
            int someMore = firstPart + (replay.records() - firstPart) / 10;
            await("the stream under way").atMost(TAKEOVER).until(() -> mastery.poll() >= someMore);
            second.kill();
            log.info("killed {} (SIGKILL) with {} of {} mastery records committed", second.name(), mastery.poll(), replay.records());
            send(producer, sent.subList(killDuring, sent.size()));

            int[] probe = {0};
            await("the survivor takes over every learner").atMost(TAKEOVER).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<String> reply = get(first.url() + "/api/v1/learners/" + learner(probe[0]++ % LEARNERS) + "/mastery");
                assertThat(reply.statusCode() == 200
                        || reply.statusCode() == 503 && reply.headers().firstValue("Retry-After").isPresent())
                        .as("answer %d %s", reply.statusCode(), reply.body()).isTrue();
                statuses.add(reply.statusCode());
                return mastery.poll() >= replay.records();
            });
            mastery.poll();
            assertCommittedMasteryEqualsTheReplay(mastery.records(), replay);
            await("the survivor runs every task").atMost(Duration.ofSeconds(30)).until(() -> activeTasks(first) == TASKS);
        }

        log.info("while taking over, the survivor answered {}", statuses.stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
        for (int i = 0; i < LEARNERS; i++) {
            assertTheSurvivorServes(learner(i), replay);
        }
    }

    private static void assertCommittedMasteryEqualsTheReplay(List<MasteryChanged> records, Replay replay) {
        Map<String, Long> perUpdate = records.stream()
                .collect(Collectors.groupingBy(r -> r.causedBy() + " " + r.topicId(), Collectors.counting()));
        assertThat(perUpdate).as("each accepted answer updates each of its topics exactly once")
                .hasSize(replay.records()).allSatisfy((update, count) -> assertThat(count).as(update).isEqualTo(1L));
        Map<String, MasteryChanged> last = new LinkedHashMap<>();
        records.forEach(r -> last.put(r.learnerId() + " " + r.topicId(), r));
        assertThat(last.keySet()).isEqualTo(replay.lastMastery().keySet());
        last.forEach((key, record) -> {
            Replay.Expected expected = replay.lastMastery().get(key);
            assertThat(record.mastery()).as(key).isCloseTo(expected.mastery(), within(1e-12));
            assertThat(record.answers()).as(key).isEqualTo(expected.answers());
            assertThat(record.causedBy()).as(key).isEqualTo(expected.causedBy());
        });
    }

    private static void assertTheSurvivorServes(String learner, Replay replay) throws Exception {
        HttpResponse<String> reply = get(first.url() + "/api/v1/learners/" + learner + "/mastery");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        long now = Instant.now().getEpochSecond();
        LearnerState state = replay.states().get(learner);
        Map<String, JsonNode> topics = new HashMap<>();
        EventJson.mapper().readTree(reply.body()).path("topics").forEach(t -> topics.put(t.path("topicId").asText(), t));
        assertThat(topics.keySet()).isEqualTo(state.topics().keySet());
        state.topics().forEach((topic, tally) -> {
            assertThat(topics.get(topic).path("answers").asLong()).as(learner + " " + topic).isEqualTo(tally.answers());
            assertThat(topics.get(topic).path("mastery").asDouble()).as(learner + " " + topic)
                    .isCloseTo(replay.engine().mastery(state, topic, now).mean(), within(1e-3));
        });
        assertThat(queue(first, learner)).hasSize(10);
    }

    // ---------------------------------------------------------------- the answers and their replay

    /** Answers of 200 learners, interleaved as many clients would send them, with some client resends. */
    private static List<AnswerRecorded> answers() {
        var random = new SplittableRandom(42);
        List<Question> questions = CATALOG.questions().stream().sorted(Comparator.comparing(Question::id)).toList();
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<AnswerRecorded> out = new ArrayList<>();
        for (int j = 0; j < ANSWERS_PER_LEARNER; j++) {
            for (int i = 0; i < LEARNERS; i++) {
                Question q = questions.get(random.nextInt(questions.size()));
                boolean correct = random.nextDouble() < 0.65;
                Instant at = start.plusSeconds(300L * j + i);
                var answer = new AnswerRecorded(AnswerRecorded.SCHEMA, LEARNER_PREFIX + i + "-" + j, learner(i), q.id(), q.topic(),
                        q.skills(), q.kind().id(), q.difficulty(), List.of(), null, correct, correct ? 1 : 0, at, 2000 + random.nextInt(20000), at);
                out.add(answer);
                if (random.nextDouble() < RESEND_SHARE) {
                    out.add(answer);
                }
            }
        }
        return out;
    }

    /** The same answers through the model library, resends dropped by event id as the recommender drops them. */
    private record Replay(LearnerEngine engine, Map<String, LearnerState> states, Map<String, Expected> lastMastery, int records) {

        record Expected(double mastery, long answers, String causedBy) {
        }

        static Replay of(List<AnswerRecorded> answers) {
            LearnerEngine engine = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", CATALOG).create();
            Map<String, LearnerState> states = new HashMap<>();
            Map<String, Expected> last = new HashMap<>();
            int records = 0;
            for (AnswerRecorded a : answers) {
                LearnerState state = states.getOrDefault(a.learnerId(), LearnerState.empty());
                if (state.hasSeen(a.eventId())) {
                    continue;
                }
                long at = a.answeredAt().getEpochSecond();
                state = engine.apply(state, a.eventId(), a.questionId(), a.skills(), a.difficulty(), a.score(), a.correct(), at);
                states.put(a.learnerId(), state);
                for (String skill : a.skills()) {
                    last.put(a.learnerId() + " " + skill, new Expected(engine.mastery(state, skill, at).mean(),
                            state.tally(skill).answers(), a.eventId()));
                    records++;
                }
            }
            return new Replay(engine, states, last, records);
        }
    }

    // ---------------------------------------------------------------- Kafka and HTTP

    /** Both learner-keyed sources need 12 partitions (and the same count: they share the learner store). */
    private static void ensurePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            new TopicProvisioner(PARTITIONS, (short) 1).ensure(admin, Topics.ALL);
            Map<String, NewPartitions> grow = new HashMap<>();
            admin.describeTopics(List.of(Topics.ANSWERS_NAME, Topics.LEARNERS_NAME)).allTopicNames().get().forEach((name, topic) -> {
                if (topic.partitions().size() < PARTITIONS) {
                    grow.put(name, NewPartitions.increaseTo(PARTITIONS));
                }
            });
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get();
            }
        }
    }

    /** A recommender from its jar on a free port, with a state folder of its own. */
    private static ServiceProcess startInstance(String name, Map<String, String> env) throws IOException {
        int port = ServiceProcess.freePort();
        Map<String, String> own = new HashMap<>(env);
        own.put("HONE_RECOMMENDER_STATE_DIR", Files.createTempDirectory("hone-two-instances").toString());
        own.put("HONE_RECOMMENDER_PORT", Integer.toString(port));
        return ServiceProcess.start("recommender", name, port, own);
    }

    private static KafkaProducer<String, AnswerRecorded> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), Topics.ANSWERS.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, AnswerRecorded> producer, List<AnswerRecorded> answers) {
        answers.forEach(a -> producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, a.learnerId(), a)));
        producer.flush();
    }

    private static String learner(int i) {
        return LEARNER_PREFIX + i;
    }

    private static List<String> queue(ServiceProcess instance, String learner) throws Exception {
        HttpResponse<String> reply = get(instance.url() + "/api/v1/learners/" + learner + "/queue?n=10");
        assertThat(reply.statusCode()).as(instance.name() + ": " + reply.body()).isEqualTo(200);
        return EventJson.mapper().readTree(reply.body()).path("items").findValuesAsText("questionId");
    }

    /** The active tasks an instance reports in its readiness details while RUNNING (its stream threads' share), else -1. */
    private static int activeTasks(ServiceProcess instance) throws IOException, InterruptedException {
        HttpResponse<String> reply = get(instance.url() + "/actuator/health/readiness");
        return EventJson.mapper().readTree(reply.body()).path("components").path("streams").path("details").path("activeTasks").asInt(-1);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
