package dev.hone.model.replay;

import dev.hone.model.readiness.Readiness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReadinessReplayTests {

    @Test
    void perfectPredictionsCorrelateFullyAndSitOnTheDiagonalOfTheCalibration() {
        List<ReadinessReplay.Learner> learners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double p = 0.05 + 0.9 * i / 19.0;
            learners.add(new ReadinessReplay.Learner(p, p - 0.1, p + 0.1, 0.05, new Readiness.Interval(p - 0.2, p + 0.2, 0.1),
                    new Readiness.Interval(p - 0.3, p + 0.3, 0.15), p, p, 40));
        }

        ReadinessReplay.Result r = ReadinessReplay.summarise(learners);

        assertThat(r.pearson()).isCloseTo(1, within(1e-9));
        assertThat(r.meanAbsoluteError()).isCloseTo(0, within(1e-9));
        assertThat(r.intervalCoverage()).isEqualTo(1);
        assertThat(r.sampleIntervalCoverage()).isEqualTo(1);
        assertThat(r.calibratedIntervalCoverage()).isEqualTo(1);
        assertThat(r.calibration()).hasSize(10).allSatisfy(b -> {
            if (b.learners() > 0) {
                assertThat(b.meanObserved()).isCloseTo(b.meanPredicted(), within(1e-9));
            }
        });
        assertThat(r.calibration().stream().mapToInt(ReadinessReplay.Bin::learners).sum()).isEqualTo(20);
    }

    @Test
    void theDispersionOfPastLearnersRecoversAnExtraVarianceAndADesignEffect() {
        List<ReadinessReplay.Learner> learners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double p = 0.5;
            int answers = 20 + 2 * (i % 40); // second halves of 10 to 49 answers
            int m = answers - answers / 2;
            double variance = 0.01 + 2 * p * (1 - p) / m; // extra 0.01, design effect 2, model sd 0
            double observed = p + (i % 2 == 0 ? 1 : -1) * Math.sqrt(variance);
            learners.add(new ReadinessReplay.Learner(p, p, p, 0, new Readiness.Interval(p, p, 0), new Readiness.Interval(p, p, 0),
                    observed, p, answers));
        }

        Readiness.Dispersion d = ReadinessReplay.dispersion(learners);

        assertThat(d.extraVariance()).isCloseTo(0.01, within(1e-9));
        assertThat(d.designEffect()).isCloseTo(2, within(1e-9));
    }
}
