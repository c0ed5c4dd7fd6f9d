package dev.hone.recommender.learner;

import dev.hone.events.JsonSerde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerStateTests {

    private final JsonSerde<LearnerState> serde = JsonSerde.of(LearnerState.class);

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
    void trackCohortAndLastPracticeSurviveTheStore() {
        LearnerState state = new LearnerState(null, Map.of("core.gil", new TopicTally(1, 1, 1, 1_780_000_000L, 0.2)),
                List.of("q1"), List.of("e1"), "web", "spring-26");

        LearnerState back = serde.deserialize("t", serde.serialize("t", state));

        assertThat(back.track()).isEqualTo("web");
        assertThat(back.cohort()).isEqualTo("spring-26");
        assertThat(back.tally("core.gil")).isEqualTo(state.tally("core.gil"));
        assertThat(LearnerState.empty().track()).isEqualTo("general");
    }
}
