package dev.hone.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.Topics;
import dev.hone.testkit.ServiceProcess;
import dev.hone.testkit.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hone under faults, on engines of its own (see {@link FaultStack}): each scenario streams a known
 * set of answers, injects its fault, and checks exact outcomes with {@link ExactlyOnceCheck}.
 * Volumes come from {@code HONE_CHAOS_MODE} (ci, the default in {@code ./hone test}; quick and full
 * from {@code ./hone chaos}); {@code HONE_CHAOS_REPORT} names a JSON file for the figures.
 */
@Tag("fault")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(FaultSuiteIntegrationTests.class);
    private static final Catalog CATALOG = Catalog.bundled();
    private static final HttpJson http = new HttpJson();
    private static final List<ScenarioResult> results = new CopyOnWriteArrayList<>();
    private static final Volume volume = Volume.fromEnvironment();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static FaultStack stack;
    private static ExactlyOnceCheck check;
    /** Scenario 8's small state disk, kept mounted while its recommender goes on as scenario 9's third instance. */
    private static SmallDisk stateDisk;

    /**
     * How much each scenario sends, and how long ClickHouse stays away; {@code lifecycleAnswers} for the
     * scenarios whose cost is starting and stopping instances (disk full, scale out and in), which
     * more answers would lengthen without testing more.
     */
    record Volume(String mode, int learners, int answers, int outageAnswers, Duration outage, Duration settle, int lifecycleAnswers) {
        static Volume fromEnvironment() {
            String mode = System.getenv().getOrDefault("HONE_CHAOS_MODE", "ci");
            return switch (mode) {
                case "full" -> new Volume(mode, 500, 20_000, 100_000, Duration.ofSeconds(60), Duration.ofMinutes(5), 10_000);
                case "quick" -> new Volume(mode, 100, 4_000, 20_000, Duration.ofSeconds(30), Duration.ofMinutes(4), 2_000);
                default -> new Volume("ci", 20, 600, 2_000, Duration.ofSeconds(10), Duration.ofMinutes(4), 600);
            };
        }
    }

    @BeforeAll
    static void startHone() throws Exception {
        stack = new FaultStack(FaultStack.freshDir(), http);
        check = new ExactlyOnceCheck(stack, http);
    }

    @AfterAll
    static void report() throws Exception {
        StringBuilder table = new StringBuilder(ScenarioResult.header());
        results.forEach(r -> table.append('\n').append(r.row()));
        log.info("fault suite ({} mode):\n{}", volume.mode(), table);
        System.out.println("\nFault suite (" + volume.mode() + ")\n" + table + "\n");
        String report = System.getenv("HONE_CHAOS_REPORT");
        if (report != null && !report.isBlank()) {
            var json = new ObjectMapper().createObjectNode();
            json.put("mode", volume.mode());
            json.put("at", Instant.now().toString());
            var scenarios = json.putArray("scenarios");
            results.forEach(r -> scenarios.addObject().put("scenario", r.scenario()).put("sent", r.sent()).put("accepted", r.accepted())
                    .put("inClickHouse", r.inClickHouse()).put("inDlq", r.inDlq()).put("mismatches", r.mismatches()).put("detail", r.detail()));
            Path out = Path.of(report).toAbsolutePath();
            Files.createDirectories(out.getParent());
            Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        }
        if (stack != null) {
            stack.close();
        }
        if (stateDisk != null) {
            stateDisk.close();
        }
    }

    @Test
    @Order(1)
    void poisonRecordsLandInTheDeadLetterTopicAndTheStreamsGoOn() throws Exception {
        String prefix = prefix("poison");
        Question q = singleChoice().get(0);
        String good = new String(Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, new AnswerRecorded(AnswerRecorded.SCHEMA, "x", prefix + "0", q.id(), q.topic(),
                q.skills(), q.kind().id(), q.difficulty(), List.of(), null, true, 1, Instant.now(), 100, Instant.now())), StandardCharsets.UTF_8);
        assertThat(good).contains("\"schema\":" + AnswerRecorded.SCHEMA);
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put(prefix + "json", "{not json");
        poison.put(prefix + "schema", good.replace("\"schema\":" + AnswerRecorded.SCHEMA, "\"schema\":99").replace(prefix + "0", prefix + "schema"));
        poison.put(prefix + "question", good.replace(q.id(), "no.such.question").replace(prefix + "0", prefix + "question"));
        poison.put(prefix + "key", good.replace(prefix + "0", "someone-else"));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            poison.forEach((key, value) -> producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, key, value.getBytes(StandardCharsets.UTF_8))));
        }
        Flow flow = Flow.of(answers(prefix + "ok-", volume.learners(), volume.answers() / 4, false));
        flow.run(() -> true);

        await("each poison record in the DLQ").atMost(volume.settle()).until(() -> deadLettered(poison.keySet()) >= poison.size());
        long inDlq = deadLettered(poison.keySet());
        var verdict = check.verify(prefix + "ok-", flow.accepted(), volume.settle());
        record("6 poison records", flow, verdict, inDlq, poison.size() - inDlq);
    }

    @Test
    @Order(2)
    void resentOutOfOrderAndLateAnswersCountOnce() throws Exception {
        String prefix = prefix("resend");
        List<Map<String, Object>> answers = answers(prefix, volume.learners(), volume.answers(), true);
        Random random = new Random(7);
        List<Map<String, Object>> withResends = new ArrayList<>(answers);
        for (int i = 0; i < answers.size() / 10; i++) {
            // the same event again, a little later in the stream: what a client does after a timeout
            int original = random.nextInt(answers.size());
            withResends.add(Math.min(withResends.size(), original + 1 + random.nextInt(50)), answers.get(original));
        }
        Flow flow = Flow.of(withResends);
        flow.run(() -> true);
        record("5 resent, out of order, late", flow, check.verify(prefix, flow.accepted(), volume.settle()), 0, 0);
    }

    @Test
    @Order(3)
    void analyticsKilledMidBatchLosesAndDoublesNothing() throws Exception {
        String prefix = prefix("analytics");
        Flow flow = Flow.of(answers(prefix, volume.learners(), volume.answers(), false));
        boolean[] killed = {false};
        flow.run(() -> {
            if (!killed[0] && flow.acceptedCount() >= flow.size() / 3) {
                kill("analytics");
                killed[0] = true;
            }
            return true;
        });
        stack.start("analytics");
        stack.awaitReady("analytics");
        record("4 analytics killed", flow, check.verify(prefix, flow.accepted(), volume.settle()), 0, 0);
    }

    @Test
    @Order(4)
    void aRecommenderKilledMidStreamRestoresItsStateWithoutLosingOrDoublingAnUpdate() throws Exception {
        String prefix = prefix("recommender");
        Flow flow = Flow.of(answers(prefix, volume.learners(), volume.answers(), false));
        // the item side too: answers pending in the learner tasks' item deltas at the kill count once
        long itemAnswersBefore = check.itemAnswersSettled(volume.settle());
        boolean[] killed = {false};
        flow.run(() -> {
            if (!killed[0] && flow.acceptedCount() >= flow.size() / 3) {
                kill("recommender");
                killed[0] = true;
            }
            return true;
        });
        stack.start("recommender");
        stack.awaitReady("recommender");
        record("3 recommender kill -9", flow, check.withItems(check.verify(prefix, flow.accepted(), volume.settle()),
                itemAnswersBefore, flow.accepted().size(), volume.settle()), 0, 0);
    }

    @Test
    @Order(5)
    void erasureWhileEventsAreInFlightLeavesNothingOfTheLearner() throws Exception {
        String prefix = prefix("erasure");
        List<Map<String, Object>> all = answers(prefix, volume.learners(), volume.answers(), false);
        Flow flow = Flow.of(all);
        flow.run(() -> true);
        // erase half of the learners straight after their last answer was accepted, while it is still on its way
        Set<String> erased = new HashSet<>();
        for (int l = 0; l < volume.learners(); l += 2) {
            String learner = prefix + l;
            assertThat(http.delete(stack.url("ingest") + "/api/v1/learners/" + learner, TestTokens.admin()).status()).isBetween(200, 299);
            erased.add(learner);
        }
        Set<String> keptAccepted = new HashSet<>();
        all.forEach(a -> {
            if (!erased.contains((String) a.get("learnerId")) && flow.accepted().contains((String) a.get("eventId"))) {
                keptAccepted.add((String) a.get("eventId"));
            }
        });
        String erasedList = "('" + String.join("','", erased) + "')";
        await("no row of an erased learner").atMost(volume.settle()).pollInterval(Duration.ofSeconds(1)).until(() -> "0".equals(
                http.clickHouse(stack.clickHouse.httpUrl(), "SELECT count() FROM " + stack.database + ".answers WHERE learner_id IN " + erasedList)));
        long[] leftovers = {erased.size()};
        try {
            await("no state of an erased learner").atMost(volume.settle()).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                long withState = 0;
                for (String learner : erased) {
                    var reply = http.get(stack.url("recommender-2") + "/api/v1/learners/" + learner + "/mastery", TestTokens.admin());
                    withState += reply.status() != 200 || reply.body().path("topics").size() > 0 ? 1 : 0;
                }
                leftovers[0] = withState;
                return withState == 0;
            });
        } catch (ConditionTimeoutException e) {
            // counted as mismatches below
        }
        var kept = new KeptOnly(check, prefix, erased);
        var verdict = kept.verify(keptAccepted, volume.settle());
        record("7 erasure in flight", flow, new ExactlyOnceCheck.Verdict(verdict.inClickHouse(), verdict.mismatches() + leftovers[0],
                verdict.detail() + ", erased learners with state " + leftovers[0]), 0, 0);
    }

    @Test
    @Order(6)
    void clickHouseAwayWhileAnswersFlowThenEverythingCatchesUpExactly() throws Exception {
        String prefix = prefix("clickhouse");
        stack.clickHouse.kill();
        Instant stoppedAt = Instant.now();
        Flow flow = Flow.of(answers(prefix, volume.learners(), volume.outageAnswers(), false));
        flow.run(() -> true);
        await("the loader reports ClickHouse away").atMost(Duration.ofSeconds(60))
                .until(() -> http.get(stack.url("analytics") + "/actuator/health").status() == 503);
        Duration left = volume.outage().minus(Duration.between(stoppedAt, Instant.now()));
        if (!left.isNegative()) {
            await("the outage lasts its full length").pollDelay(left).atMost(left.plusSeconds(5)).until(() -> true);
        }
        stack.clickHouse.start();
        record("2 ClickHouse down " + volume.outage().toSeconds() + " s", flow, check.verify(prefix, flow.accepted(), volume.settle()), 0, 0);
    }

    @Test
    @Order(7)
    void aBrokerRestartWhileAnswersFlowLosesNothingAccepted() throws Exception {
        String prefix = prefix("broker");
        Flow flow = Flow.of(answers(prefix, volume.learners(), volume.answers(), false));
        boolean[] restarted = {false};
        flow.run(() -> {
            if (!restarted[0] && flow.acceptedCount() >= flow.size() / 3) {
                stack.kafka.kill();
                // clients keep sending into the outage: ingest answers 503, the client resends the same ids
                flow.sendOnce();
                stack.kafka.start();
                restarted[0] = true;
            }
            return true;
        });
        record("1 broker restart", flow, check.verify(prefix, flow.accepted(), volume.settle()), 0, 0);
    }

    @Test
    @Order(8)
    void aStateDiskRunningOutOfRoomStopsTheRecommenderCleanlyAndItsStateStaysExact() throws Exception {
        String prefix = prefix("disk");
        String name = "recommender-3";
        SmallDisk disk;
        try {
            // 256 MiB: RocksDB reserves ~4 MiB per store up front (its MANIFEST), and an instance may hold a dozen stores
            disk = SmallDisk.mount(Path.of("target", "fault", name + "-state").toAbsolutePath(), 256);
        } catch (IllegalStateException cannotMount) {
            results.add(new ScenarioResult("8 state disk full", 0, 0, 0, 0, 0, "not run: " + cannotMount.getMessage()));
            Assumptions.abort(cannotMount.getMessage());
            return;
        }
        stateDisk = disk;
        try {
            // checked every second here (5 s by default), so the disk cannot fill between two checks
            Map<String, String> smallDisk = Map.of("HONE_RECOMMENDER_STATE_DIR", disk.dir().toString(),
                    "HONE_RECOMMENDER_MIN_FREE_STATE_SPACE", "16MB", "HONE_STREAMS_STATESPACECHECK", "1s");
            stack.start(name, smallDisk);
            stack.awaitReady(name);
            // the disk is filled only once this instance runs its share: a store opened on the full disk
            // (RocksDB writes its MANIFEST, OPTIONS and the first files at once) would fail before any check
            stack.awaitTasks(name);
            Flow flow = Flow.of(answers(prefix, volume.learners(), volume.lifecycleAnswers(), false));
            boolean[] filled = {false};
            flow.run(() -> {
                if (!filled[0] && flow.acceptedCount() >= flow.size() / 3) {
                    try {
                        disk.fillLeaving(8); // below the 16 MB this instance must keep free
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    filled[0] = true;
                }
                return true;
            });
            // a clean stop: the instance commits, closes its stores and exits with EX_IOERR, saying why
            ServiceProcess stopped = stack.process(name);
            var exit = stopped.awaitExit(Duration.ofSeconds(90));
            stack.forget(name);
            String logText = Files.readString(stopped.log());
            boolean clearError = logText.contains("has ") && logText.contains("less than hone.streams.min-free-state-space")
                    && logText.contains("exiting with code 74");
            String storeFailure = logText.lines().filter(line -> line.contains("No space left on device")).findFirst().orElse(null);
            boolean noStoreFailure = storeFailure == null;
            // room again: the same instance starts on the state it closed, which must hold every answer exactly once
            disk.free();
            stack.start(name, smallDisk);
            stack.awaitReady(name);
            var verdict = check.verify(prefix, flow.accepted(), volume.settle());
            boolean runsAgain = stack.process(name).isAlive();
            long cleanStopMismatches = (exit.isPresent() && exit.getAsInt() == 74 ? 0 : 1) + (clearError ? 0 : 1) + (noStoreFailure ? 0 : 1)
                    + (runsAgain ? 0 : 1);
            record("8 state disk full", flow, new ExactlyOnceCheck.Verdict(verdict.inClickHouse(), verdict.mismatches() + cleanStopMismatches,
                    verdict.detail() + ", exit " + (exit.isPresent() ? exit.getAsInt() : "none") + (clearError ? ", reason logged" : ", NO clear reason in the log")
                            + (noStoreFailure ? "" : ", a store hit the full disk: " + storeFailure) + (runsAgain ? ", runs again" : ", DID NOT stay up after the restart")), 0, 0);
        } catch (Exception | AssertionError failed) {
            if (stack.process(name) != null) {
                stack.stop(name);
            }
            disk.free(); // scenario 9 then starts its third recommender on this disk, with room
            throw failed;
        }
        // on success the instance stays up: scenario 9 takes it as its third recommender instead of starting another
    }

    @Test
    @Order(9)
    void threeRecommendersAndTwoLoadersScaledOutAndInMidStreamKeepQueuesAndCountsExact() throws Exception {
        String prefix = prefix("scale");
        // three recommenders and two loaders on one broker, 12 partitions (the third recommender may still run from scenario 8)
        ServiceProcess third = stack.process("recommender-3");
        if (third == null || !third.isAlive()) {
            if (third != null) {
                stack.forget("recommender-3");
            }
            stack.start("recommender-3");
        }
        stack.start("analytics-2");
        stack.awaitReady("recommender-3");
        stack.awaitReady("analytics-2");
        Flow flow = Flow.of(answers(prefix, volume.learners(), volume.lifecycleAnswers(), false));
        int[] step = {0};
        flow.run(() -> {
            try {
                if (step[0] == 0 && flow.acceptedCount() >= flow.size() / 3) {
                    stack.start("recommender-4"); // added while answers flow
                    stack.start("analytics-3");
                    step[0] = 1;
                } else if (step[0] == 1 && flow.acceptedCount() >= 2 * flow.size() / 3) {
                    stack.stop("recommender-3"); // removed while answers flow
                    stack.stop("analytics-2");
                    step[0] = 2;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return true;
        });
        stack.awaitReady("recommender-4");
        stack.awaitReady("analytics-3");
        var verdict = check.verify(prefix, flow.accepted(), volume.settle());
        List<String> instances = List.of("recommender", "recommender-2", "recommender-4");
        long queueMismatches = 0;
        for (int l = 0; l < volume.learners(); l++) {
            String learner = prefix + l;
            try {
                await(learner + "'s queue is the same on every instance").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> {
                            Set<List<String>> queues = new HashSet<>();
                            for (String instance : instances) {
                                queues.add(queue(instance, learner));
                            }
                            return queues.size() == 1 && !queues.iterator().next().isEmpty();
                        });
            } catch (ConditionTimeoutException e) {
                queueMismatches++;
            }
        }
        record("9 scale out and in", flow, new ExactlyOnceCheck.Verdict(verdict.inClickHouse(), verdict.mismatches() + queueMismatches,
                verdict.detail() + ", queues differing between instances " + queueMismatches), 0, 0);
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> queue(String instance, String learner) {
        var reply = http.get(stack.url(instance) + "/api/v1/learners/" + learner + "/queue?n=10", TestTokens.admin());
        assertThat(reply.status()).as(instance + " queue of " + learner).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().path("items").forEach(item -> ids.add(item.path("questionId").asText()));
        return ids;
    }

    private static void record(String scenario, Flow flow, ExactlyOnceCheck.Verdict verdict, long inDlq, long dlqMissing) {
        var result = new ScenarioResult(scenario, flow.sent(), flow.accepted().size(), verdict.inClickHouse(), inDlq,
                verdict.mismatches() + dlqMissing, verdict.detail() + (flow.rejected() > 0 ? ", answered 503 then resent " + flow.rejected() : ""));
        results.add(result);
        log.info("{}", result.row());
        assertThat(result.mismatches()).as(result.row()).isZero();
        assertThat(flow.accepted()).as("every answer is accepted in the end (resending the same id after a 503)").hasSize(flow.size());
    }

    private static void kill(String service) {
        try {
            stack.kill(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long deadLettered(Set<String> keys) {
        long n = 0;
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(stack.kafka.bootstrap(), Topics.DLQ_NAME)) {
            if (keys.contains(r.key()) && r.headers().lastHeader("hone.dlq.reason") != null) {
                n++;
            }
        }
        return n;
    }

    private static String prefix(String scenario) {
        return "f" + RUN + "-" + scenario + "-";
    }

    private static List<Question> singleChoice() {
        return CATALOG.questions().stream().filter(q -> q.kind().hasOptions() && q.options().size() >= 2).toList();
    }

    /** Answers spread over learners and questions; {@code scrambled}: answeredAt out of order and up to 5 days late. */
    private static List<Map<String, Object>> answers(String prefix, int learners, int n, boolean scrambled) {
        List<Question> questions = singleChoice();
        Random random = new Random(prefix.hashCode());
        List<Map<String, Object>> out = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Question q = questions.get(random.nextInt(questions.size()));
            Map<String, Object> a = new HashMap<>();
            a.put("eventId", UUID.randomUUID().toString());
            a.put("learnerId", prefix + (i % learners));
            a.put("questionId", q.id());
            a.put("response", random.nextDouble() < 0.6 ? AnswerMaker.right(q) : AnswerMaker.wrong(q));
            a.put("responseMs", 1_000 + random.nextInt(30_000));
            a.put("answeredAt", (scrambled ? now.minusSeconds(random.nextInt(5 * 86_400)) : now.minusSeconds(n - i)).toString());
            out.add(a);
        }
        return out;
    }

    /**
     * Sends answers through ingest's batch endpoint as a careful client would: an item answered
     * 503 (or a request that timed out) is sent again with the same eventId until it is accepted.
     */
    static final class Flow {
        private static final int BATCH = 200;
        private final List<Map<String, Object>> answers;
        private final Set<String> accepted = new HashSet<>();
        private final Set<String> distinct = new HashSet<>();
        private int next;
        private long sent;
        private long rejected;
        private final List<Map<String, Object>> retry = new ArrayList<>();

        private Flow(List<Map<String, Object>> answers) {
            this.answers = answers;
            answers.forEach(a -> distinct.add((String) a.get("eventId")));
        }

        static Flow of(List<Map<String, Object>> answers) {
            return new Flow(answers);
        }

        /** Sends everything; {@code between} runs after each request (faults are injected there). */
        void run(BooleanSupplier between) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (next < answers.size() || !retry.isEmpty()) {
                assertThat(Instant.now()).as("the flow finishes").isBefore(deadline);
                sendOnce();
                between.getAsBoolean();
            }
        }

        /** One batch request: the items waiting for a resend first, then new ones. */
        void sendOnce() {
            List<Map<String, Object>> batch = new ArrayList<>(retry);
            retry.clear();
            while (batch.size() < BATCH && next < answers.size()) {
                batch.add(answers.get(next++));
            }
            if (batch.isEmpty()) {
                return;
            }
            sent += batch.size();
            HttpJson.Reply reply;
            try {
                reply = http.post(stack.url("ingest") + "/api/v1/answers/batch", Map.of("answers", batch), TestTokens.admin());
            } catch (RuntimeException timedOut) {
                retry.addAll(batch);
                rejected += batch.size();
                return;
            }
            if (reply.status() != 200) {
                retry.addAll(batch);
                rejected += batch.size();
                return;
            }
            JsonNode results = reply.body().path("results");
            for (int i = 0; i < batch.size(); i++) {
                JsonNode r = results.path(i);
                if (r.path("status").asInt() == 202) {
                    accepted.add(r.path("eventId").asText());
                } else if (r.path("status").asInt() == 503) {
                    retry.add(batch.get(i));
                    rejected++;
                } else {
                    throw new AssertionError("answer rejected: " + r);
                }
            }
        }

        int size() {
            return distinct.size();
        }

        long sent() {
            return sent;
        }

        long rejected() {
            return rejected;
        }

        int acceptedCount() {
            return accepted.size();
        }

        Set<String> accepted() {
            return accepted;
        }
    }

    /** The exactly-once check over the learners not erased. */
    private record KeptOnly(ExactlyOnceCheck check, String prefix, Set<String> erased) {
        ExactlyOnceCheck.Verdict verify(Set<String> acceptedKept, Duration settle) {
            return check.verify(prefix, acceptedKept, settle, erased);
        }
    }
}
