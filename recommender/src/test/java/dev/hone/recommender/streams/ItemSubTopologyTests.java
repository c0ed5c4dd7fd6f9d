package dev.hone.recommender.streams;

import dev.hone.events.ItemStatistics;
import dev.hone.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import static dev.hone.recommender.streams.RecommenderTopologyTests.ENGINES;
import static dev.hone.recommender.streams.RecommenderTopologyTests.answer;
import static dev.hone.recommender.streams.RecommenderTopologyTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item side: accepted answers gathered per question on the learner side, sent as one delta
 * per question every flush interval (wall-clock; the tests advance the driver's clock), statistics
 * to hone.items.v1, its global table.
 */
class ItemSubTopologyTests {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> answers;
    private TestOutputTopic<String, ItemStatistics> items;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() throws Exception {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "recommender-items-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("recommender-items-test").toString());
        driver = new TopologyTestDriver(RecommenderTopology.build(ENGINES), props);
        answers = driver.createInputTopic(Topics.ANSWERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        items = driver.createOutputTopic(Topics.ITEMS_NAME, Serdes.String().deserializer(), Topics.ITEMS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ_NAME, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** One flush interval of wall-clock time: the learner side sends its pending deltas. */
    private void flush() {
        driver.advanceWallClockTime(RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL);
    }

    @Test
    void answersFromEveryLearnerBecomeTheQuestionsStatisticsKeyedByQuestion() {
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("bob", json(answer("e2", "bob", "core.gil.q01", List.of("core.gil"), false)));
        answers.pipeInput("cy", json(answer("e3", "cy", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("cy", json(answer("e4", "cy", "core.gil.q02", List.of("core.gil"), true)));
        flush();

        var latest = items.readKeyValuesToMap();

        assertThat(latest).containsOnlyKeys("core.gil.q01", "core.gil.q02");
        ItemStatistics q01 = latest.get("core.gil.q01");
        assertThat(q01.attempts()).isEqualTo(3);
        assertThat(q01.correct()).isEqualTo(2);
        assertThat(q01.meanResponseMs()).isEqualTo(3000);
        assertThat(q01.topicId()).isEqualTo("core.gil");
        assertThat(q01.lastEventId()).isEqualTo("e3");
        KeyValueStore<String, ItemStatistics> stats = driver.getKeyValueStore(RecommenderTopology.ITEM_STATS_STORE);
        assertThat(stats.get("core.gil.q01").attempts()).isEqualTo(3);
    }

    @Test
    void theGlobalTableOnEveryInstanceHoldsTheLatestStatistics() {
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("bob", json(answer("e2", "bob", "core.gil.q01", List.of("core.gil"), true)));
        flush();

        KeyValueStore<String, ItemStatistics> table = driver.getKeyValueStore(RecommenderTopology.ITEMS_STORE);

        assertThat(table.get("core.gil.q01").attempts()).isEqualTo(2);
        assertThat(table.get("core.gil.q01").difficulty()).isLessThan(table.get("core.gil.q01").priorDifficulty());
    }

    @Test
    void aResentAnswerIsNotCountedTwiceInTheItemStatistics() {
        byte[] once = json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true));

        answers.pipeInput("ada", once);
        answers.pipeInput("ada", once);
        flush();

        assertThat(items.readValuesToList()).hasSize(1);
        KeyValueStore<String, ItemStatistics> table = driver.getKeyValueStore(RecommenderTopology.ITEMS_STORE);
        assertThat(table.get("core.gil.q01").attempts()).isEqualTo(1);
    }

    @Test
    void wrongAnswersMakeAQuestionHarderAndRightOnesEasier() {
        for (int i = 0; i < 20; i++) {
            answers.pipeInput("w" + i, json(answer("w" + i, "w" + i, "core.gil.q01", List.of("core.gil"), false)));
            answers.pipeInput("r" + i, json(answer("r" + i, "r" + i, "core.gil.q02", List.of("core.gil"), true)));
        }
        flush();

        var latest = items.readKeyValuesToMap();

        assertThat(latest.get("core.gil.q01").difficulty()).isGreaterThan(latest.get("core.gil.q01").priorDifficulty() + 0.3);
        assertThat(latest.get("core.gil.q02").difficulty()).isLessThan(latest.get("core.gil.q02").priorDifficulty() - 0.3);
    }

    @Test
    void aPoisonRecordOnTheItemSideGoesToTheDeadLetterTopicAndTheItemSideGoesOn() {
        TestInputTopic<String, byte[]> itemAnswers = driver.createInputTopic(RecommenderTopology.itemAnswersTopic(RecommenderTopology.DEFAULT_APPLICATION_ID),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());

        itemAnswers.pipeInput("core.gil.q01", "{oops".getBytes(StandardCharsets.UTF_8));
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        flush();

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(RecommenderTopology.itemAnswersTopic(RecommenderTopology.DEFAULT_APPLICATION_ID));
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains("cannot read ItemAnswer");
        assertThat(items.readValuesToList()).extracting(ItemStatistics::attempts).containsExactly(1L);
    }

    @Test
    void erasingALearnerLeavesTheAnonymousItemStatistics() {
        TestInputTopic<String, byte[]> profiles = driver.createInputTopic(Topics.LEARNERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));

        // erased while her answer still waits in its question's delta: the delta holds no learner id and is sent as is
        profiles.pipeInput("ada", (byte[]) null);
        flush();

        KeyValueStore<String, ItemStatistics> table = driver.getKeyValueStore(RecommenderTopology.ITEMS_STORE);
        assertThat(table.get("core.gil.q01").attempts()).isEqualTo(1);
        assertThat(items.readValuesToList()).hasSize(1);
    }
}
