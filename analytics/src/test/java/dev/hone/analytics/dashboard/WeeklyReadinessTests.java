package dev.hone.analytics.dashboard;

import dev.hone.model.readiness.UnpractisedPrior;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeeklyReadinessTests {

    private static final Map<String, Double> TRACK = Map.of("core.gil", 2.0, "core.memory", 1.0, "web.http", 1.0);

    @Test
    void aLearnerWithNoMasteryRowsStartsAtThePriorTheScoreStartsFrom() {

        double readiness = WeeklyReadiness.of(TRACK, Map.of());

        assertThat(readiness).isCloseTo(UnpractisedPrior.mastery(), within(1e-4));
    }

    @Test
    void anUnpractisedTopicCountsAtTheSharedPriorBesidesThePractisedOnes() {

        double readiness = WeeklyReadiness.of(TRACK, Map.of("core.gil", 0.9));

        assertThat(readiness).isCloseTo((2 * 0.9 + 2 * UnpractisedPrior.mastery()) / 4, within(1e-4));
    }

    @Test
    void topicsOutsideTheTrackDoNotCount() {

        double readiness = WeeklyReadiness.of(TRACK, Map.of("data.numpy-pandas", 0.1));

        assertThat(readiness).isCloseTo(UnpractisedPrior.mastery(), within(1e-4));
    }
}
