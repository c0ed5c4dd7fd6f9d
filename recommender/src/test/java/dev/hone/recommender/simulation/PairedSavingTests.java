package dev.hone.recommender.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedSavingTests {

    private static Simulation.LearnerRun mastered(int answers) {
        return new Simulation.LearnerRun(answers, new boolean[answers]);
    }

    private static Simulation.LearnerRun notMastered(int answersGiven) {
        return new Simulation.LearnerRun(-1, new boolean[answersGiven]);
    }

    @Test
    void theSavingIsThePerLearnerDifferenceAndPositiveWhenTheSecondArmIsFaster() {
        Simulation.LearnerRun[] without = {mastered(100), mastered(200), mastered(300)};
        Simulation.LearnerRun[] with = {mastered(90), mastered(190), mastered(310)};

        PairedSaving saving = PairedSaving.of(without, with);

        assertThat(saving.meanSaved()).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(saving.fasterShare()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(saving.slowerShare()).isCloseTo(1.0 / 3, within(1e-9));
        double sampleVariance = (2 * Math.pow(10 - 10.0 / 3, 2) + Math.pow(-10 - 10.0 / 3, 2)) / 2;
        assertThat(saving.standardError()).isCloseTo(Math.sqrt(sampleVariance / 3), within(1e-9));
    }

    @Test
    void aLearnerWhoNeverReachesMasteryCountsAtTheAnswersTheyWereGiven() {
        PairedSaving saving = PairedSaving.of(new Simulation.LearnerRun[] {notMastered(3000)}, new Simulation.LearnerRun[] {mastered(2500)});

        assertThat(saving.meanSaved()).isEqualTo(500);
        assertThat(saving.standardError()).isZero();
    }
}
