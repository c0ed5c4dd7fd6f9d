package dev.hone.model.replay;

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
            learners.add(new ReadinessReplay.Learner(p, p - 0.1, p + 0.1, p - 0.2, p + 0.2, p, p, 40));
        }

        ReadinessReplay.Result r = ReadinessReplay.summarise(learners);

        assertThat(r.pearson()).isCloseTo(1, within(1e-9));
        assertThat(r.meanAbsoluteError()).isCloseTo(0, within(1e-9));
        assertThat(r.intervalCoverage()).isEqualTo(1);
        assertThat(r.sampleIntervalCoverage()).isEqualTo(1);
        assertThat(r.calibration()).hasSize(10).allSatisfy(b -> {
            if (b.learners() > 0) {
                assertThat(b.meanObserved()).isCloseTo(b.meanPredicted(), within(1e-9));
            }
        });
        assertThat(r.calibration().stream().mapToInt(ReadinessReplay.Bin::learners).sum()).isEqualTo(20);
    }
}
