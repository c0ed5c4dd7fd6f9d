package dev.hone.recommender.streams;

import dev.hone.catalog.Catalog;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
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
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RecommenderTopologyTests {

    static final LearnerEngines ENGINES = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", Catalog.bundled());

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> answers;
    private TestOutputTopic<String, MasteryChanged> mastery;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() throws Exception {
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "recommender-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("recommender-test").toString());
        driver = new TopologyTestDriver(RecommenderTopology.build(ENGINES), props);
        answers = driver.createInputTopic(Topics.ANSWERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        mastery = driver.createOutputTopic(Topics.MASTERY_NAME, Serdes.String().deserializer(), Topics.MASTERY.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ_NAME, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @Test
    void aProfileSetsTheTrackAndCohortAndATombstoneErasesTheLearner() {
        TestInputTopic<String, byte[]> profiles = driver.createInputTopic(Topics.LEARNERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));

        profiles.pipeInput("ada", Topics.LEARNERS.valueSerde().serializer().serialize(Topics.LEARNERS_NAME,
                new dev.hone.events.LearnerProfile(1, "ada", "spring", "web", null)));
        assertThat(store.get("ada").track()).isEqualTo("web");
        assertThat(store.get("ada").cohort()).isEqualTo("spring");
        assertThat(store.get("ada").tally("core.gil").answers()).isEqualTo(1);
        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), true)));
        assertThat(store.get("ada").cohort()).as("kept through answers").isEqualTo("spring");

        profiles.pipeInput("ada", Topics.LEARNERS.valueSerde().serializer().serialize(Topics.LEARNERS_NAME,
                new dev.hone.events.LearnerProfile(1, "ada", "autumn", null, null)));
        assertThat(store.get("ada").cohort()).isEqualTo("autumn");
        assertThat(store.get("ada").track()).as("a profile without a track keeps it").isEqualTo("web");

        profiles.pipeInput("ada", (byte[]) null);
        assertThat(store.get("ada")).isNull();
    }

    @Test
    void anAnswerRecordedBeforeItsLearnersErasureLeavesNoStateWhenItArrivesAfterIt() {
        TestInputTopic<String, byte[]> profiles = driver.createInputTopic(Topics.LEARNERS_NAME, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);
        Instant erasure = Instant.parse("2026-11-01T10:00:05Z");
        profiles.pipeInput("ada", (byte[]) null, erasure);

        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)), erasure.plusSeconds(1));
        assertThat(store.get("ada")).as("recorded 10:00:01, before the erasure").isNull();
        assertThat(mastery.isEmpty()).isTrue();

        AnswerRecorded later = answer("e2", "ada", "core.gil.q02", List.of("core.gil"), true);
        AnswerRecorded anew = new AnswerRecorded(later.schema(), later.eventId(), later.learnerId(), later.questionId(), later.topicId(),
                later.skills(), later.kind(), later.difficulty(), later.chosenOptions(), later.responseText(), later.correct(), later.score(),
                erasure.plusSeconds(60), later.responseMs(), erasure.plusSeconds(61));
        answers.pipeInput("ada", json(anew), erasure.plusSeconds(61));
        assertThat(store.get("ada").tally("core.gil").answers()).as("the same id, back after the erasure").isEqualTo(1);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anAnswerUpdatesEveryTopicItTouchesAndEmitsTheirMastery() {
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil", "perf.concurrency"), true)));

        List<MasteryChanged> changes = mastery.readValuesToList();

        assertThat(changes).extracting(MasteryChanged::topicId).containsExactly("core.gil", "perf.concurrency");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.mastery()).isBetween(0.0, 1.0);
            assertThat(c.answers()).isEqualTo(1);
            assertThat(c.causedBy()).isEqualTo("e1");
        });
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);
        assertThat(store.get("ada").tally("core.gil").answers()).isEqualTo(1);
        assertThat(store.get("ada").recentQuestions()).containsExactly("core.gil.q01");
        assertThat(store.get("ada").model()).isNotEmpty();
    }

    @Test
    void rightAnswersRaiseMasteryAndWrongOnesLowerIt() {
        answers.pipeInput("ada", json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), true)));
        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), true)));
        answers.pipeInput("bob", json(answer("e3", "bob", "core.gil.q01", List.of("core.gil"), false)));
        answers.pipeInput("bob", json(answer("e4", "bob", "core.gil.q02", List.of("core.gil"), false)));

        List<MasteryChanged> changes = mastery.readValuesToList();

        assertThat(changes.get(1).mastery()).isGreaterThan(changes.get(0).mastery());
        assertThat(changes.get(3).mastery()).isLessThan(changes.get(2).mastery());
        assertThat(changes.get(1).mastery()).isGreaterThan(changes.get(3).mastery());
    }

    @Test
    void aResentAnswerChangesNothing() {
        byte[] once = json(answer("e1", "ada", "core.gil.q01", List.of("core.gil"), false));

        answers.pipeInput("ada", once);
        answers.pipeInput("ada", once);

        assertThat(mastery.readValuesToList()).hasSize(1);
        KeyValueStore<String, LearnerState> store = driver.getKeyValueStore(RecommenderTopology.LEARNER_STORE);
        assertThat(store.get("ada").tally("core.gil").answers()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() {
        answers.pipeInput("ada", "{not json".getBytes(StandardCharsets.UTF_8));
        answers.pipeInput("ada", json(answer("e2", "ada", "core.gil.q02", List.of("core.gil"), true)));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains("cannot read AnswerRecorded");
        assertThat(new String(dead.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(), StandardCharsets.UTF_8)).isEqualTo(Topics.ANSWERS_NAME);
        assertThat(dead.headers().lastHeader(DeadLetters.SOURCE_OFFSET)).isNotNull();
        assertThat(mastery.readValuesToList()).extracting(MasteryChanged::causedBy).containsExactly("e2");
    }

    @Test
    void aRecordWhoseKeyIsNotItsLearnerIsRejected() {
        answers.pipeInput("bob", json(answer("e3", "ada", "core.gil.q01", List.of("core.gil"), true)));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains("does not match learnerId");
        assertThat(mastery.isEmpty()).isTrue();
    }

    static AnswerRecorded answer(String eventId, String learner, String question, List<String> skills, boolean correct) {
        return new AnswerRecorded(AnswerRecorded.SCHEMA, eventId, learner, question, skills.get(0), skills, "single_choice", 2,
                List.of("a"), null, correct, correct ? 1 : 0, Instant.parse("2026-11-01T10:00:00Z"), 3000,
                Instant.parse("2026-11-01T10:00:01Z"));
    }

    static byte[] json(AnswerRecorded answer) {
        return Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, answer);
    }
}
