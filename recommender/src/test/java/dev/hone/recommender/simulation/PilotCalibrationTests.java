package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.model.item.ItemBank;
import dev.hone.recommender.learner.ItemDifficulties;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.policy.PolicySettings;
import dev.hone.recommender.policy.QueuePolicy;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's pilot cohort calibrates questions with the production item calibration. */
class PilotCalibrationTests {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final LearnerEngines ENGINES = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", CATALOG);
    private final Profile baseline = Profile.shipped("baseline");

    @Test
    void calibratedDifficultiesAreCloserToTheHiddenOnesThanTheCatalogLevels() {
        World world = new World(CATALOG, baseline, 5);
        Simulation piloted = new Simulation(CATALOG, ENGINES, new QueuePolicy(CATALOG, PolicySettings.defaults()), 1,
                new Simulation.Pilot(200, 100));

        ItemDifficulties calibrated = piloted.calibrate(world, 5);

        List<double[]> rows = CATALOG.questions().stream().filter(q -> calibrated.difficulty(q.id()).isPresent())
                .map(q -> new double[] {world.difficulty(q), ItemBank.priorForCatalogDifficulty(q.difficulty()),
                        calibrated.difficulty(q.id()).getAsDouble()})
                .toList();
        double[] hidden = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] prior = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] pilot = rows.stream().mapToDouble(r -> r[2]).toArray();

        // correlation, not distance: the model's logit scale need not be the world's
        assertThat(rows.size()).isGreaterThan(CATALOG.questions().size() / 2);
        assertThat(new PearsonsCorrelation().correlation(hidden, pilot))
                .isGreaterThan(new PearsonsCorrelation().correlation(hidden, prior));
    }

    @Test
    void withoutAPilotEveryQuestionKeepsItsCatalogPrior() {
        Simulation plain = new Simulation(CATALOG, ENGINES, new QueuePolicy(CATALOG, PolicySettings.defaults()), 1);

        ItemDifficulties difficulties = plain.calibrate(new World(CATALOG, baseline, 5), 5);

        assertThat(CATALOG.questions()).allSatisfy(q -> assertThat(difficulties.difficulty(q.id())).isEmpty());
    }
}
