package dev.hone.recommender.streams;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessExitTests {

    @Test
    void theExitThreadKeepsTheJvmAliveUntilItHasSetTheCodeEvenWhenADaemonAsksForIt() throws Exception {
        var exit = new ProcessExit(new StaticApplicationContext(), new StreamsSettings("127.0.0.1:1", "app", ".hone/state", "127.0.0.1", 0,
                Duration.ofMillis(100), 6, (short) 1, DataSize.ofMegabytes(100), Duration.ofSeconds(5), true, true, Duration.ofSeconds(1),
                StreamsSettings.DEFAULT_PRODUCER_BATCH_SIZE,
                StreamsSettings.DEFAULT_LEARNER_MEMORY));
        var daemon = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "like-the-space-watcher");
            t.setDaemon(true);
            return t;
        });
        try {
            Thread made = CompletableFuture.supplyAsync(() -> exit.exitThread(ProcessExit.NO_STATE_SPACE), daemon).get();
            // a daemon exit thread let the JVM end with 0 once the context closed, before System.exit(74) ran
            assertThat(made.isDaemon()).isFalse();
        } finally {
            daemon.shutdown();
        }
    }
}
