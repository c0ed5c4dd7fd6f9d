package dev.hone.recommender.streams;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.events.JsonSerde;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.TopicTally;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LearnerStateSerdeTests {

    private static final LearnerEngines ENGINES = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", Catalog.bundled());

    private final BinarySerde<LearnerState> serde = BinarySerde.learnerState();
    private final JsonSerde<LearnerState> json = JsonSerde.of(LearnerState.class);

    @Test
    void aLearnerAfterManyAnswersReadsBackEqual() {
        LearnerState state = learner(300, i -> UUID.randomUUID().toString()).withCohort("spring-26").withTrack("web");

        LearnerState back = serde.deserialize("t", serde.serialize("t", state));

        assertSameState(back, state);
        assertThat(back.recentEventIds()).hasSize(LearnerState.RECENT_EVENTS);
    }

    @Test
    void nullsAndOddValuesReadBackAsTheyWere() {
        var tallies = Map.of("core.gil", new TopicTally(3, 2.5, 2, 1_780_000_000L, -0.125, -0.75, 0.3125),
                "ünïcode.topic", new TopicTally(1, -0.0, 0, 0L, 0.5),
                "core", new TopicTally(Long.MAX_VALUE, 1e300, Long.MIN_VALUE, -5L, 0.0));
        LearnerState state = new LearnerState(null, tallies, List.of("core.gil.q01", "core.gil.q01", "x"),
                List.of("e-1", "0F8FAD5B-D9CB-469F-A165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950e", "", "e-\uD83D\uDE00a", "e-\uD83D\uDE01"),
                "general", null, null);

        LearnerState back = serde.deserialize("t", serde.serialize("t", state));

        assertSameState(back, state);
        assertThat(back.placement()).isNull();
        assertThat(back.cohort()).isNull();
        assertThat(Double.doubleToRawLongBits(back.tally("ünïcode.topic").scoreSum())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aStateStoredAsJsonStillReads() {
        LearnerState state = learner(40, i -> UUID.randomUUID().toString()).withCohort("c1");
        String old = "{\"model\":null,\"topics\":{\"core.gil\":{\"answers\":3,\"scoreSum\":2.0,\"correct\":2}},"
                + "\"recentQuestions\":[\"q1\"],\"recentEventIds\":[\"e1\"]}";

        LearnerState fromJson = serde.deserialize("t", json.serialize("t", state));
        LearnerState fromOldJson = serde.deserialize("t", old.getBytes(StandardCharsets.UTF_8));

        assertSameState(fromJson, state);
        assertThat(fromOldJson.tally("core.gil").answers()).isEqualTo(3);
        assertThat(fromOldJson.track()).isEqualTo("general");
        assertThat(fromOldJson.placement()).isNull();
    }

    @Test
    void theBinaryFormIsAThirdOfTheJsonOrLess() {
        LearnerState state = learner(30, i -> UUID.randomUUID().toString());

        int binary = serde.serialize("t", state).length;
        int asJson = json.serialize("t", state).length;

        assertThat(binary).isLessThan(asJson / 3);
    }

    @Test
    void aDamagedRecordIsRejectedNamingTheField() {
        byte[] bytes = serde.serialize("t", learner(10, i -> "e" + i));

        assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("field recentEventIds");
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {7, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format byte 7");
        assertThatThrownBy(() -> serde.deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("empty");
    }

    private static LearnerState learner(int answers, java.util.function.IntFunction<String> eventId) {
        LearnerEngine engine = ENGINES.create();
        List<Question> questions = new ArrayList<>(ENGINES.catalog().questions());
        LearnerState state = LearnerState.empty();
        for (int i = 0; i < answers; i++) {
            Question q = questions.get((i * 37) % questions.size());
            double score = i % 4 == 0 ? 0.5 : i % 3 == 0 ? 0 : 1;
            state = engine.apply(state, eventId.apply(i), q.id(), q.skills(), q.difficulty(), score, score == 1, 1_780_000_000L + 3_600L * i);
        }
        return state;
    }

    /** Equal in every field, the policy's per-topic figures to a float's precision (JSON keeps the whole double). */
    private static void assertSameState(LearnerState actual, LearnerState expected) {
        assertThat(actual.model()).isEqualTo(expected.model());
        assertThat(actual.topics().keySet()).isEqualTo(expected.topics().keySet());
        expected.topics().forEach((topic, tally) -> {
            TopicTally back = actual.topics().get(topic);
            assertThat(List.of(back.answers(), back.correct(), back.lastEpochSeconds()))
                    .isEqualTo(List.of(tally.answers(), tally.correct(), tally.lastEpochSeconds()));
            assertThat(Double.doubleToRawLongBits(back.scoreSum())).isEqualTo(Double.doubleToRawLongBits(tally.scoreSum()));
            assertThat(back.recentResidual()).isCloseTo(tally.recentResidual(), within(1e-7));
            assertThat(back.offset()).isCloseTo(tally.offset(), within(Math.abs(tally.offset()) * 1e-6 + 1e-9));
            assertThat(back.offsetVariance()).isCloseTo(tally.offsetVariance(), within(tally.offsetVariance() * 1e-6));
        });
        assertThat(actual.recentQuestions()).isEqualTo(expected.recentQuestions());
        assertThat(actual.recentEventIds()).isEqualTo(expected.recentEventIds());
        assertThat(actual.track()).isEqualTo(expected.track());
        assertThat(actual.cohort()).isEqualTo(expected.cohort());
        assertThat(actual.placement()).isEqualTo(expected.placement());
    }
}
