package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.placement.PlacementSettings;
import dev.hone.recommender.policy.PolicySettings;
import dev.hone.recommender.policy.QueuePolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small runs of the placement simulation; the figures in the README come from `./hone simulate --mode placement`. */
class PlacementSimulationTests {

    private static final Catalog CATALOG = Catalog.bundled();
    private final LearnerEngines engines = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", CATALOG);
    private final QueuePolicy hone = new QueuePolicy(CATALOG, PolicySettings.defaults());
    private final PlacementPolicy placement = new PlacementPolicy(CATALOG, PlacementSettings.defaults());

    @Test
    void afterTwentyAnswersThePlacementKnowsTheLearnerBetterThanRoundRobinButNotBetterThanTheBound() {
        PlacementExperiment.Result r = new PlacementExperiment(CATALOG, engines, placement, hone).run(Profile.shipped("baseline"), 30, 5);

        assertThat(r.meanPlacementAnswers()).isLessThanOrEqualTo(20);
        assertThat(r.placementMae()).isLessThan(r.roundRobinMae());
        assertThat(r.placementMae()).isGreaterThan(r.oracleMae() * 0.9);
    }

    @Test
    void aPlacementRunCountsItsAnswersTowardsMastery() {
        Simulation simulation = new Simulation(CATALOG, engines, hone, 2, placement);

        PolicyResult placed = simulation.run(Profile.shipped("fast-learners"), Simulation.HONE_AFTER_PLACEMENT, 10, 3);

        assertThat(placed.meanAnswers()).isGreaterThanOrEqualTo(20);
        assertThat(placed.medianAnswersToMastery()).isNotNull();
    }

    @Test
    void anUnknownPlacementKnobIsRefusedByName() {
        assertThatThrownBy(() -> PlacementCommand.settings(Map.of("cap", "10", "speed", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
        assertThat(PlacementCommand.settings(Map.of("cap", "10")).cap()).isEqualTo(10);
    }
}
