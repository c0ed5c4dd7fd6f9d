package dev.hone.ingest.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerMetricsTests {

    @Test
    void keepsTheFieldTagToTheContractsNames() {
        assertThat(AnswerMetrics.boundedField("learnerId")).isEqualTo("learnerId");
        assertThat(AnswerMetrics.boundedField("response[3]")).isEqualTo("response");
        assertThat(AnswerMetrics.boundedField("[2].result.response")).isEqualTo("result");
        assertThat(AnswerMetrics.boundedField("verb.id")).isEqualTo("verb");
        assertThat(AnswerMetrics.boundedField("aFieldAClientInvented" + System.nanoTime())).isEqualTo("other");
        assertThat(AnswerMetrics.boundedField(null)).isEqualTo("other");
    }

    @Test
    void countsAcceptedAnswersPerKindInTheRegistry() {
        var registry = new SimpleMeterRegistry();
        var metrics = new AnswerMetrics(registry);

        metrics.accepted("single-choice");
        metrics.accepted("single-choice");
        metrics.accepted("code-output");
        metrics.accepted("code-output", 40); // a batch's 40 code-output answers, counted at once

        assertThat(registry.get("hone.answers.accepted").tag("kind", "single-choice").counter().count()).isEqualTo(2);
        assertThat(registry.get("hone.answers.accepted").tag("kind", "code-output").counter().count()).isEqualTo(41);
    }
}
