package dev.hone.recommender.learner;

import dev.hone.recommender.streams.BinarySerde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerStateTests {

    private final BinarySerde<LearnerState> serde = BinarySerde.learnerState();

    @Test
    void aStateStoredBeforeTracksAndLastPracticeReadsWithDefaults() {
        String old = "{\"model\":null,\"topics\":{\"core.gil\":{\"answers\":3,\"scoreSum\":2.0,\"correct\":2}},"
                + "\"recentQuestions\":[\"q1\"],\"recentEventIds\":[\"e1\"]}";

        LearnerState state = serde.deserialize("t", old.getBytes(StandardCharsets.UTF_8));

        assertThat(state.track()).isEqualTo("general");
        assertThat(state.cohort()).isNull();
        assertThat(state.tally("core.gil").answers()).isEqualTo(3);
        assertThat(state.tally("core.gil").hasLastPractice()).isFalse();
    }

    @Test
    void wrongAnswersTheModelExpectedRightPullTheTopicsOffsetDownAndItSurvivesTheStore() {
        LearnerState state = LearnerState.empty();
        for (int i = 0; i < 4; i++) {
            state = state.withAnswer(null, "e" + i, "q" + i, List.of("core.gil"), 0, false, 1_780_000_000L + i, 0.8);
        }

        LearnerState back = serde.deserialize("t", serde.serialize("t", state));

        assertThat(state.tally("core.gil").offset()).isLessThan(-0.5);
        assertThat(state.tally("core.gil").offsetVariance()).isLessThan(TopicTally.OFFSET_PRIOR_VARIANCE);
        // the store keeps the policy's per-topic figures to a float's precision
        assertThat(back.tally("core.gil").offset()).isCloseTo(state.tally("core.gil").offset(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(back.tally("core.gil").offsetVariance()).isCloseTo(state.tally("core.gil").offsetVariance(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(back.tally("core.gil").answers()).isEqualTo(4);
        assertThat(serde.deserialize("t", ("{\"model\":null,\"topics\":{\"core.gil\":{\"answers\":3,\"scoreSum\":2.0,\"correct\":2}},"
                + "\"recentQuestions\":[],\"recentEventIds\":[]}").getBytes(StandardCharsets.UTF_8)).tally("core.gil").offset()).isZero();
    }

    @Test
    void trackCohortAndLastPracticeSurviveTheStore() {
        LearnerState state = new LearnerState(null, Map.of("core.gil", new TopicTally(1, 1, 1, 1_780_000_000L, 0.25)),
                List.of("q1"), List.of("e1"), "web", "spring-26", null);

        LearnerState back = serde.deserialize("t", serde.serialize("t", state));

        assertThat(back.track()).isEqualTo("web");
        assertThat(back.cohort()).isEqualTo("spring-26");
        assertThat(back.tally("core.gil")).isEqualTo(state.tally("core.gil")); // float-exact values
        assertThat(LearnerState.empty().track()).isEqualTo("general");
    }

    @Test
    void aNewLearnersFirstAnswersAreKeptForThePlacementAndSurviveTheStore() {
        LearnerState state = LearnerState.empty();
        for (int i = 0; i < LearnerState.PLACEMENT_LOG + 5; i++) {
            state = state.withAnswer(null, "e" + i, "q" + i, List.of("core.gil"), i % 2, i % 2 == 1, 1_780_000_000L + i, 0.5);
        }

        LearnerState back = serde.deserialize("t", serde.serialize("t", state));

        assertThat(back.placement()).hasSize(LearnerState.PLACEMENT_LOG);
        assertThat(back.placement().get(1)).isEqualTo(new PlacedAnswer("q1", 1));
    }

    @Test
    void aLearnerWhoAnsweredBeforePlacementExistedHasNoPlacementLog() {
        String old = "{\"model\":null,\"topics\":{\"core.gil\":{\"answers\":3,\"scoreSum\":2.0,\"correct\":2}},"
                + "\"recentQuestions\":[\"q1\"],\"recentEventIds\":[\"e1\"]}";
        LearnerState state = serde.deserialize("t", old.getBytes(StandardCharsets.UTF_8));

        LearnerState next = state.withAnswer(null, "e2", "q2", List.of("core.gil"), 1, true, 1_780_000_000L, 0.5);

        assertThat(next.placement()).isNull();
        assertThat(next.withTrack("web").placement()).isNull();
    }
}
