package dev.hone.recommender.streams;

import dev.hone.events.AnswerRecorded;
import dev.hone.events.ItemStatistics;
import dev.hone.events.Topics;
import dev.hone.recommender.item.ItemDelta;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static dev.hone.recommender.streams.RecommenderTopologyTests.ENGINES;
import static dev.hone.recommender.streams.RecommenderTopologyTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner side gathers each question's accepted answers and sends them as one delta per
 * flush interval; the item side's statistics are those of the same answers fed one by one.
 */
class ItemDeltaTopologyTests {

    private static final String APP = "recommender-deltas-test";
    private static final int ANSWERS = 12;

    private final List<TopologyTestDriver> drivers = new ArrayList<>();

    @AfterEach
    void closeDrivers() {
        drivers.forEach(TopologyTestDriver::close);
    }

    @Test
    void answersToOneQuestionInOneIntervalBecomeOneDeltaAndOneItemRecord() throws Exception {
        var driver = driver();
        var deltas = driver.createOutputTopic(RecommenderTopology.itemAnswersTopic(APP), Serdes.String().deserializer(),
                BinarySerde.itemInput());
        var items = itemsOf(driver);

        feed(driver, false);
        assertThat(deltas.isEmpty()).isTrue();
        assertThat(items.isEmpty()).isTrue();
        driver.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);

        List<TestRecord<String, ItemDelta>> sent = deltas.readRecordsToList();
        assertThat(sent).hasSize(1);
        ItemDelta delta = sent.get(0).value();
        assertThat(sent.get(0).key()).isEqualTo("core.gil.q01");
        assertThat(delta.observations()).hasSize(ANSWERS);
        assertThat(delta.observations().stream().filter(ItemDelta.Observation::correct).count()).isEqualTo(ANSWERS / 2);
        assertThat(delta.observations().stream().mapToDouble(ItemDelta.Observation::score).sum()).isEqualTo(ANSWERS / 2.0);
        assertThat(delta.observations().stream().mapToLong(ItemDelta.Observation::responseMs).sum()).isEqualTo(responseMsSum());
        assertThat(delta.lastEventId()).isEqualTo("e" + (ANSWERS - 1));
        ItemStatistics stats = items.readValue();
        assertThat(items.isEmpty()).isTrue();
        assertThat(stats.attempts()).isEqualTo(ANSWERS);
        assertThat(stats.correct()).isEqualTo(ANSWERS / 2);
        assertThat(stats.scoreSum()).isEqualTo(ANSWERS / 2.0);
        assertThat(stats.timedAnswers()).isEqualTo(ANSWERS - ANSWERS / 3);
        var pending = (PendingItemDeltas) driver.getStateStore(RecommenderTopology.ITEM_DELTAS_STORE);
        assertThat(pending.size()).isZero();
    }

    @Test
    void aDeltaGivesTheStatisticsOfItsAnswersFedOneByOne() throws Exception {
        var batched = driver();
        var oneByOne = driver();
        var batchedItems = itemsOf(batched);
        var oneByOneItems = itemsOf(oneByOne);

        feed(batched, false);
        batched.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);
        feed(oneByOne, true);

        List<ItemStatistics> each = oneByOneItems.readValuesToList();
        assertThat(each).hasSize(ANSWERS);
        assertThat(batchedItems.readValuesToList()).containsExactly(each.get(ANSWERS - 1));
    }

    @Test
    void pendingAnswersAreInTheChangelogUntilTheirDeltaIsSent() throws Exception {
        var driver = driver();
        var changelog = driver.createOutputTopic(APP + "-" + RecommenderTopology.ITEM_DELTAS_STORE + "-changelog",
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());

        feed(driver, false); // the test driver commits after every record
        List<TestRecord<String, byte[]>> logged = changelog.readRecordsToList();
        driver.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);

        assertThat(logged).as("one record per commit").hasSize(ANSWERS);
        var increments = logged.stream().flatMap(r -> PendingItemDeltas.increments(r.value()).stream()).toList();
        assertThat(increments).as("each answer logged once").allSatisfy(d -> assertThat(d.observations()).hasSize(1));
        assertThat(increments).extracting(ItemDelta::lastEventId).containsExactly(
                java.util.stream.IntStream.range(0, ANSWERS).mapToObj(i -> "e" + i).toArray(String[]::new));
        var emptied = changelog.readRecordsToList();
        assertThat(emptied).as("the flush empties the store, in the same commit as its delta").hasSize(ANSWERS)
                .allSatisfy(r -> assertThat(r.value()).isNull());
        assertThat(emptied).extracting(TestRecord::key).containsExactlyElementsOf(logged.stream().map(TestRecord::key).toList());
    }

    @Test
    void theDeltasLoadedFromTheStoreAreTheOnesItHeld() throws Exception {
        var driver = driver();
        var deltas = driver.createOutputTopic(RecommenderTopology.itemAnswersTopic(APP), Serdes.String().deserializer(),
                BinarySerde.itemInput());
        feed(driver, false);
        var pending = (PendingItemDeltas) driver.getStateStore(RecommenderTopology.ITEM_DELTAS_STORE);

        pending.clearCache(); // what a task restored after a crash starts from: the store's records alone
        pending.load();
        driver.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);

        ItemDelta delta = deltas.readValue();
        assertThat(deltas.isEmpty()).isTrue();
        assertThat(delta.observations()).hasSize(ANSWERS);
        assertThat(delta.observations().stream().mapToLong(ItemDelta.Observation::responseMs).sum()).isEqualTo(responseMsSum());
        assertThat(delta.lastEventId()).isEqualTo("e" + (ANSWERS - 1));
    }

    @Test
    void aDeltaThatReachesItsCapIsSentWithoutWaitingForTheInterval() throws Exception {
        var driver = driver();
        var deltas = driver.createOutputTopic(RecommenderTopology.itemAnswersTopic(APP), Serdes.String().deserializer(),
                BinarySerde.itemInput());

        feed(driver, false, PendingItemDeltas.MAX_ANSWERS + 1);

        assertThat(deltas.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.observations()).hasSize(PendingItemDeltas.MAX_ANSWERS));
        driver.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);
        assertThat(deltas.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.observations()).hasSize(1));
        assertThat(itemsOf(driver).readValuesToList()).extracting(ItemStatistics::attempts)
                .containsExactly((long) PendingItemDeltas.MAX_ANSWERS, PendingItemDeltas.MAX_ANSWERS + 1L);
    }

    private static void feed(TopologyTestDriver driver, boolean flushEach) {
        feed(driver, flushEach, ANSWERS);
    }

    /** Answers of as many learners to one question, every other one right, every third one untimed. */
    private static void feed(TopologyTestDriver driver, boolean flushEach, int count) {
        TestInputTopic<String, byte[]> answers = driver.createInputTopic(Topics.ANSWERS_NAME, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        for (int i = 0; i < count; i++) {
            boolean correct = i % 2 == 0;
            answers.pipeInput("l" + i, json(new AnswerRecorded(AnswerRecorded.SCHEMA, "e" + i, "l" + i, "core.gil.q01", "core.gil",
                    List.of("core.gil"), "single_choice", 2, List.of("a"), null, correct, correct ? 1 : 0,
                    Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i), responseMs(i), Instant.parse("2026-11-01T10:00:01Z").plusSeconds(i))));
            if (flushEach) {
                driver.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);
            }
        }
    }

    private static long responseMs(int i) {
        return i % 3 == 0 ? 0 : 1_000 + 137L * i;
    }

    private static long responseMsSum() {
        long sum = 0;
        for (int i = 0; i < ANSWERS; i++) {
            sum += responseMs(i);
        }
        return sum;
    }

    private TopologyTestDriver driver() throws Exception {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(APP).toString());
        var driver = new TopologyTestDriver(RecommenderTopology.build(ENGINES, APP), props);
        drivers.add(driver);
        return driver;
    }

    private static TestOutputTopic<String, ItemStatistics> itemsOf(TopologyTestDriver driver) {
        return driver.createOutputTopic(Topics.ITEMS_NAME, Serdes.String().deserializer(), Topics.ITEMS.valueSerde().deserializer());
    }
}
