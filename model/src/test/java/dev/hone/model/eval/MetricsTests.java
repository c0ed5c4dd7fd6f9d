package dev.hone.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void aucCountsCorrectlyOrderedPairsAndHalfTies() {
        Metrics m = Metrics.overall();
        m.add(0.9, 1);
        m.add(0.6, 0);
        m.add(0.6, 1);
        m.add(0.2, 0);

        // pairs (pos, neg): (0.9,0.6) 1, (0.9,0.2) 1, (0.6,0.6) 0.5, (0.6,0.2) 1 -> 3.5 / 4
        assertThat(m.auc()).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void lossesAccuracyAndCalibrationOfASmallStream() {
        Metrics m = Metrics.overall();
        m.add(0.8, 1);
        m.add(0.8, 0);

        assertThat(m.rmse()).isCloseTo(Math.sqrt((0.04 + 0.64) / 2), within(1e-12));
        assertThat(m.logLoss()).isCloseTo(-(Math.log(0.8) + Math.log(0.2)) / 2, within(1e-12));
        assertThat(m.accuracy()).isEqualTo(0.5);
        // one bin: mean predicted 0.8, observed 0.5
        assertThat(m.ece()).isCloseTo(0.3, within(1e-12));
    }
}
