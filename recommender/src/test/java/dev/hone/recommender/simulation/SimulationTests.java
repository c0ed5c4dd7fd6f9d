package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.policy.PolicySettings;
import dev.hone.recommender.policy.QueuePolicy;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small simulations (a few dozen fast learners): the full 1000-learner runs are for the report only. */
class SimulationTests {

    private static final Catalog CATALOG = Catalog.bundled();
    private final Simulation simulation = new Simulation(CATALOG, new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", CATALOG),
            new QueuePolicy(CATALOG, PolicySettings.defaults()), 2);
    private final Profile fast = Profile.shipped("fast-learners");

    @Test
    void honesPolicyBringsLearnersToMasteryWithFewerAnswersThanRoundRobin() {
        PolicyResult hone = simulation.run(fast, "hone", 40, 11);
        PolicyResult roundRobin = simulation.run(fast, "round-robin", 40, 11);

        assertThat(hone.medianAnswersToMastery()).isNotNull();
        assertThat(roundRobin.medianAnswersToMastery()).isNotNull();
        assertThat(hone.medianAnswersToMastery()).isLessThan(0.8 * roundRobin.medianAnswersToMastery());
        assertThat(hone.masteredShareAfterBudget()).isGreaterThanOrEqualTo(roundRobin.masteredShareAfterBudget());
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        PolicyResult first = simulation.run(fast, "random", 6, 3);
        PolicyResult again = simulation.run(fast, "random", 6, 3);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void summaryCountsLearnersWhoNeverGetThereAsInfinitelySlow() {
        boolean[] rightThenWrong = new boolean[40];
        for (int i = 0; i < 20; i++) {
            rightThenWrong[i] = i % 4 != 0;
        }
        Simulation.LearnerRun mastered = new Simulation.LearnerRun(30, rightThenWrong);
        Simulation.LearnerRun never = new Simulation.LearnerRun(-1, new boolean[40]);

        PolicyResult result = Simulation.summarise(new Simulation.LearnerRun[] {mastered, never, never}, 35, 0.75);

        assertThat(result.medianAnswersToMastery()).isNull();
        assertThat(result.masteredShareAfterBudget()).isEqualTo(1 / 3.0);
        assertThat(result.meanSuccessRate()).isEqualTo(15 / 40.0 / 3);
    }

    @Test
    void theReportIsAListWithOneEntryPerProfile() {
        Map<String, PolicyResult> policies = new LinkedHashMap<>();
        policies.put("hone", new PolicyResult(512.0, 0.9, 0.76, 0.85, 0.4, 600));
        policies.put("random", new PolicyResult(null, 0.1, 0.7, 0.3, 0.2, 3000));

        String json = Report.json(List.of(new SimulateCommand.Entry(fast, 1000, 42, policies)));

        assertThat(json).contains("{\"profile\": \"fast-learners\", \"learners\": 1000, \"seed\": 42, \"policies\": {")
                .contains("\"hone\": {\"medianAnswersToMastery\": 512.0, \"masteredShareAfterBudget\": 0.9, \"meanSuccessRate\": 0.76, \"targetAdherence\": 0.85}")
                .contains("\"random\": {\"medianAnswersToMastery\": null")
                .startsWith("[").endsWith("]\n");
    }
}
