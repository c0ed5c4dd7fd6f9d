package dev.hone.bench.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTests {

    @Test
    void aServerThatAnswersAtOnceHasEveryDueRequestAnswered() throws Exception {
        var loop = new OpenLoop(Duration.ofMillis(1), Duration.ofSeconds(5), 64);

        OpenLoop.Outcome run = loop.run(Duration.ofMillis(200), i -> CompletableFuture.completedFuture(i));

        assertThat(run.due()).isEqualTo(200);
        assertThat(run.errors()).isZero();
        assertThat(run.latenciesMs()).hasSize(200);
    }

    @Test
    void aSlowServerCountsAgainstEveryRequestItDelayedAndTheUnsentAreErrors() throws Exception {
        var loop = new OpenLoop(Duration.ofMillis(1), Duration.ofSeconds(5), 1);
        var slow = CompletableFuture.delayedExecutor(40, TimeUnit.MILLISECONDS);

        OpenLoop.Outcome run = loop.run(Duration.ofMillis(200), i -> CompletableFuture.supplyAsync(() -> i, slow));

        // one slot, 40 ms a reply: about 5 of the 200 due requests are sent, each waiting for the one before
        assertThat(run.errors()).isGreaterThan(150);
        assertThat(run.latenciesMs().get(1)).isGreaterThanOrEqualTo(39.0);
        // due at 10 ms and never sent: its wait until the run ended (~190 ms) is its latency
        assertThat(run.latenciesMs().get(10)).isGreaterThan(150.0);
    }

    @Test
    void aFailedReplyIsAnErrorNamedInTheOutcome() throws Exception {
        var loop = new OpenLoop(Duration.ofMillis(1), Duration.ofSeconds(5), 64);

        OpenLoop.Outcome run = loop.run(Duration.ofMillis(10),
                i -> i == 3 ? CompletableFuture.failedFuture(new IllegalStateException("answered 503")) : CompletableFuture.completedFuture(i));

        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.firstError()).contains("answered 503");
    }
}
