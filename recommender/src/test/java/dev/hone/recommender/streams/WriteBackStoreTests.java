package dev.hone.recommender.streams;

import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import static dev.hone.recommender.streams.RecommenderTopologyTests.ENGINES;
import static dev.hone.recommender.streams.RecommenderTopologyTests.answer;
import static dev.hone.recommender.streams.RecommenderTopologyTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner-state store written back to RocksDB ({@link WriteBackStore}) inside the recommender's topology: every
 * write reaches the changelog at once, values held in memory read as RocksDB's would, a small memory budget or a
 * reopened store changes no answer.
 */
class WriteBackStoreTests {

    private static final String APPLICATION = "write-back-test";
    private static final String CHANGELOG = APPLICATION + "-" + RecommenderTopology.LEARNER_STORE + "-changelog";

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> answers;
    private KeyValueStore<String, LearnerState> store;

    private void start(long learnerMemory) throws Exception {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("write-back-test").toString());
        driver = new TopologyTestDriver(RecommenderTopology.build(ENGINES, APPLICATION, RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL,
                learnerMemory), props);
        answers = driver.createInputTopic(Topics.ANSWERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void everyWriteReachesTheChangelogInTheStatesStoredForm() throws Exception {
        start(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(CHANGELOG, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());

        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("bob", json(answer("e2", "bob", "core.gil.q02", List.of("core.gil"), false)));

        var written = changelog.readKeyValuesToList();
        assertThat(written).extracting(kv -> kv.key).containsExactly("ada", "bob");
        LearnerState ada = BinarySerde.learnerState().deserialize(CHANGELOG, written.get(0).value);
        assertThat(ada.tally("core.gil").answers()).isEqualTo(1);
        assertThat(ada.hasSeen("e1")).isTrue();
        assertThat(writeBack().heldValues()).as("both held, RocksDB not written yet").isEqualTo(2);
    }

    @Test
    void valuesLetGoOfUnderASmallBudgetAreReadFromRocksDbUnchanged() throws Exception {
        start(1); // every write lets go of everything held before it
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("bob", json(answer("e3", "bob", "core.gil.q01", List.of("core.gil"), true)));
        assertThat(writeBack().heldValues()).as("only bob's, ada's let go of").isOne();

        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), false)));
        answers.pipeInput("bob", json(answer("e4", "bob", "core.gil.q02", List.of("core.gil"), true)));
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true))); // a resend

        LearnerState ada = store.get("ada");
        assertThat(ada.tally("core.gil").answers()).as("both answers, the resend dropped").isEqualTo(2);
        assertThat(ada.tally("core.gil").correct()).isEqualTo(1);
    }

    @Test
    void aRangeReadSeesTheValuesHeldInMemory() throws Exception {
        start(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), false)));

        try (var all = store.all()) {
            var stored = all.next();
            assertThat(stored.key).isEqualTo("ada");
            assertThat(stored.value.tally("core.gil").answers()).isEqualTo(2);
            assertThat(all.hasNext()).isFalse();
        }
    }

    @Test
    void aStoreClosedAndReopenedReadsWhatItHeldFromRocksDb() throws Exception {
        var budget = new WriteBackStore.Budget(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        var supplier = WriteBackStore.supplier(RecommenderTopology.LEARNER_STORE, budget);
        var context = storeContext("write-back-reopen");
        var first = opened(supplier, context);
        first.put(key('a'), new byte[]{1});
        first.put(key('b'), new byte[]{2});
        first.delete(key('b'));
        first.put(key('c'), new byte[]{3});
        assertThat(first.heldValues()).isEqualTo(3);
        first.close();
        assertThat(budget.used()).as("nothing counted for a closed store").isZero();

        var reopened = opened(supplier, context);
        try {
            assertThat(reopened.heldValues()).isZero();
            assertThat(reopened.get(key('a'))).containsExactly(1);
            assertThat(reopened.get(key('b'))).isNull();
            assertThat(reopened.get(key('c'))).containsExactly(3);
        } finally {
            reopened.close();
        }
    }

    @Test
    void aReopenedStoreWrittenAgainReadsWhatRocksDbHadAndSkipsRocksDbForKeysNeverWritten() throws Exception {
        var supplier = WriteBackStore.supplier(RecommenderTopology.LEARNER_STORE, new WriteBackStore.Budget(RecommenderTopology.DEFAULT_LEARNER_MEMORY));
        var context = storeContext("write-back-filter");
        var first = opened(supplier, context);
        first.put(key('a'), new byte[]{1});
        first.put(key('b'), new byte[]{2});
        first.delete(key('b'));
        first.close();

        var reopened = opened(supplier, context);
        try {
            assertThat(reopened.rocksMayHave(key('z'))).as("not known before the first write: RocksDB is asked").isTrue();
            reopened.put(key('c'), new byte[]{3}); // RocksDB's keys are read here

            assertThat(reopened.get(key('a'))).as("in RocksDB before the store reopened").containsExactly(1);
            assertThat(reopened.get(key('b'))).isNull();
            assertThat(reopened.get(key('c'))).containsExactly(3);
            assertThat(reopened.rocksMayHave(key('a'))).isTrue();
            assertThat(reopened.rocksMayHave(key('z'))).as("never written: RocksDB is not asked").isFalse();
            assertThat(reopened.get(key('z'))).isNull();
        } finally {
            reopened.close();
        }
    }

    @Test
    void keysPastTheFiltersRoomAreAllStillReadFromRocksDb() throws Exception {
        var store = opened(WriteBackStore.supplier(RecommenderTopology.LEARNER_STORE, new WriteBackStore.Budget(1 << 18)),
                storeContext("write-back-filter-grows"));
        int keys = (int) RocksKeyFilter.MIN_KEYS + 1_000;
        try {
            for (int i = 0; i < keys; i++) {
                store.put(intKey(i), new byte[]{(byte) i});
            }
            assertThat(store.heldValues()).as("most let go of, under a 256 KB budget").isLessThan(keys / 10);
            for (int i = 0; i < keys; i++) {
                assertThat(store.get(intKey(i))).as("key %d", i).containsExactly((byte) i);
            }
            assertThat(store.get(intKey(-1))).isNull();
        } finally {
            store.close();
        }
    }

    @Test
    void aTaskRecycledToAStandbyWritesWhatItHeldAndHoldsNothing() throws Exception {
        var budget = new WriteBackStore.Budget(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        var store = opened(WriteBackStore.supplier(RecommenderTopology.LEARNER_STORE, budget), storeContext("write-back-recycle"));
        try {
            store.put(key('a'), new byte[]{1});

            store.clearCache();

            assertThat(store.heldValues()).isZero();
            assertThat(budget.used()).isZero();
            assertThat(store.get(key('a'))).as("from RocksDB").containsExactly(1);
        } finally {
            store.close();
        }
    }

    @Test
    void anErasureRemovesTheStateFromMemoryRocksDbAndTheChangelog() throws Exception {
        start(RecommenderTopology.DEFAULT_LEARNER_MEMORY);
        TestInputTopic<String, byte[]> profiles = driver.createInputTopic(Topics.LEARNERS_NAME, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(CHANGELOG, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));

        profiles.pipeInput("ada", (byte[]) null);

        assertThat(store.get("ada")).isNull();
        try (var all = store.all()) {
            assertThat(all.hasNext()).as("nothing left in RocksDB").isFalse();
        }
        assertThat(writeBack().heldValues()).isZero();
        var written = changelog.readKeyValuesToList();
        assertThat(written.get(written.size() - 1).key).isEqualTo("ada");
        assertThat(written.get(written.size() - 1).value).as("a tombstone").isNull();
    }

    /** A store context over a fresh state directory, as Streams gives a task's stores. */
    private static StateStoreContext storeContext(String directory) throws Exception {
        return new MockProcessorContext<>(new Properties(), new TaskId(0, 0), Files.createTempDirectory(directory).toFile())
                .getStateStoreContext();
    }

    /** A store from {@code supplier}, opened (RocksDB underneath) in {@code context}. */
    private static WriteBackStore opened(KeyValueBytesStoreSupplier supplier, StateStoreContext context) {
        var store = (WriteBackStore) supplier.get();
        store.init(context, store);
        return store;
    }

    private static Bytes key(char c) {
        return Bytes.wrap(new byte[]{(byte) c});
    }

    private static Bytes intKey(int i) {
        return Bytes.wrap(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
    }

    /** The store under Streams' metering and changelogging layers. */
    private WriteBackStore writeBack() {
        StateStore layer = store;
        while (layer instanceof WrappedStateStore<?, ?, ?> wrapped) {
            layer = wrapped.wrapped();
        }
        return (WriteBackStore) layer;
    }
}
