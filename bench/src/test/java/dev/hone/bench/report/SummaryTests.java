package dev.hone.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTests {

    @Test
    void medianOfAnOddNumberOfRunsIsTheMiddleOne() {
        Summary s = Summary.of(List.of(30.0, 10.0, 20.0));

        assertThat(s.median()).isEqualTo(20.0);
        assertThat(s.min()).isEqualTo(10.0);
        assertThat(s.max()).isEqualTo(30.0);
        assertThat(s.spread()).isEqualTo(1.0);
        assertThat(s.runs()).containsExactly(30.0, 10.0, 20.0);
    }

    @Test
    void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void quantileTakesTheNearestRank() {
        List<Double> ms = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();

        assertThat(Summary.quantile(ms, 0.5)).isEqualTo(50.0);
        assertThat(Summary.quantile(ms, 0.99)).isEqualTo(99.0);
        assertThat(Summary.quantile(List.of(7.0), 0.95)).isEqualTo(7.0);
    }

    @Test
    void noRunsIsAnErrorNamingTheSamples() {
        assertThatThrownBy(() -> Summary.of(List.of())).hasMessageContaining("samples");
    }
}
