package dev.hone.recommender.streams;

import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import static dev.hone.recommender.streams.RecommenderTopologyTests.ENGINES;
import static dev.hone.recommender.streams.RecommenderTopologyTests.answer;
import static dev.hone.recommender.streams.RecommenderTopologyTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner-state store's memory layer over RocksDB: what a commit writes below it (and to the changelog), and
 * that letting go of states under a small memory budget changes no answer. The topology test driver commits after
 * every input record.
 */
class LearnerStateStoreTests {

    private static final String APPLICATION = "learner-store-test";
    private static final String CHANGELOG = APPLICATION + "-" + RecommenderTopology.LEARNER_STORE + "-changelog";

    private TopologyTestDriver driver;

    private TopologyTestDriver start(long learnerMemory) throws Exception {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("learner-store-test").toString());
        driver = new TopologyTestDriver(RecommenderTopology.build(ENGINES, APPLICATION, RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL,
                learnerMemory), props);
        return driver;
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aCommitWritesEachChangedStateToTheChangelogInItsStoredForm() throws Exception {
        start(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        var answers = answers();
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(CHANGELOG, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());

        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("bob", json(answer("e2", "bob", "core.gil.q02", List.of("core.gil"), false)));

        var written = changelog.readKeyValuesToList();
        assertThat(written).extracting(kv -> kv.key).containsExactly("ada", "bob");
        LearnerState ada = BinarySerde.learnerState().deserialize(CHANGELOG, written.get(0).value);
        assertThat(ada.tally("core.gil").answers()).isEqualTo(1);
        assertThat(ada.hasSeen("e1")).isTrue();
    }

    @Test
    void statesLetGoOfUnderASmallBudgetAreReadFromRocksDbUnchanged() throws Exception {
        start(1); // every commit lets go of everything it wrote
        var answers = answers();
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);

        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        assertThat(((LearnerStateStore) store).heldStates()).as("let go at the commit").isZero();
        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), false)));
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true))); // a resend

        LearnerState ada = store.get("ada");
        assertThat(ada.tally("core.gil").answers()).as("both answers, the resend dropped").isEqualTo(2);
        assertThat(ada.tally("core.gil").correct()).isEqualTo(1);
    }

    @Test
    void statesHeldInMemoryReadAsTheStoredOnesWould() throws Exception {
        start(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        var answers = answers();
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);

        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), false)));

        assertThat(((LearnerStateStore) store).heldStates()).isEqualTo(1);
        try (var all = store.all()) {
            var stored = all.next();
            assertThat(stored.key).isEqualTo("ada");
            assertThat(stored.value).as("RocksDB's copy, as of the last commit").usingRecursiveComparison().isEqualTo(store.get("ada"));
        }
    }

    @Test
    void anErasureRemovesTheStateFromMemoryRocksDbAndTheChangelog() throws Exception {
        start(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        var answers = answers();
        TestInputTopic<String, byte[]> profiles = driver.createInputTopic(Topics.LEARNERS_NAME, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(CHANGELOG, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));

        profiles.pipeInput("ada", (byte[]) null);

        assertThat(store.get("ada")).isNull();
        assertThat(((LearnerStateStore) store).heldStates()).isZero();
        try (var all = store.all()) {
            assertThat(all.hasNext()).as("nothing left in RocksDB").isFalse();
        }
        var written = changelog.readKeyValuesToList();
        assertThat(written.get(written.size() - 1).key).isEqualTo("ada");
        assertThat(written.get(written.size() - 1).value).as("a tombstone").isNull();
    }

    private TestInputTopic<String, byte[]> answers() {
        return driver.createInputTopic(Topics.ANSWERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }
}
