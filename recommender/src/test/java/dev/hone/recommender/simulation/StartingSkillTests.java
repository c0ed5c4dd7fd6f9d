package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StartingSkillTests {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final int LEARNERS = 4000;

    /** Correlation over learners between the starting skill of advanced.decorators and its first prerequisite's, ability removed. */
    private static double prerequisiteCorrelation(Profile profile) {
        World world = new World(CATALOG, profile, 11);
        int topic = world.topicIndex.get("advanced.decorators");
        int prerequisite = world.prerequisites[topic][0];
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < LEARNERS; i++) {
            SimulatedLearner learner = new SimulatedLearner(world, "general", new SplittableRandom(i));
            double x = learner.skill(topic, 0) - learner.ability;
            double y = learner.skill(prerequisite, 0) - learner.ability;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void shippedProfilesStartEveryTopicIndependentlyAroundTheGeneralAbility() {
        assertThat(Profile.SHIPPED).allSatisfy(name -> assertThat(Profile.shipped(name).prerequisiteCorrelation()).isZero());

        assertThat(prerequisiteCorrelation(Profile.shipped("baseline"))).isCloseTo(0, within(0.05));
    }

    @Test
    void startingSkillsFollowThePrerequisitesWhenTheProfileSaysSoKeepingTheirSpread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("structured.properties");
        Files.writeString(file, "population.prerequisiteCorrelation = 0.6\n");
        Profile structured = Profile.load(file);
        World world = new World(CATALOG, structured, 11);
        int topic = world.topicIndex.get("advanced.decorators");
        double squares = 0;
        for (int i = 0; i < LEARNERS; i++) {
            SimulatedLearner learner = new SimulatedLearner(world, "general", new SplittableRandom(i));
            squares += Math.pow(learner.skill(topic, 0) - learner.ability, 2);
        }

        assertThat(prerequisiteCorrelation(structured)).isGreaterThan(0.3);
        assertThat(Math.sqrt(squares / LEARNERS)).isCloseTo(structured.topicSd(), within(0.05));
    }
}
