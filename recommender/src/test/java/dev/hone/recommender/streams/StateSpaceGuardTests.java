package dev.hone.recommender.streams;

import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StateSpaceGuardTests {

    @TempDir
    Path dir;

    @Test
    void aStateDirectoryWithEnoughRoomStarts() {
        var guard = guard(dir.resolve("state"), DataSize.ofBytes(1));
        guard.requireRoom();
        assertThat(guard.shortage()).isEmpty();
        assertThat(dir.resolve("state")).isDirectory();
    }

    @Test
    void aStateDirectoryShortOfRoomRefusesToStartAndSaysWhichSettingAndHowMuch() {
        var guard = guard(dir, DataSize.ofTerabytes(1024));
        assertThatThrownBy(guard::requireRoom).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("hone.streams.min-free-state-space (1073741824.0 MiB)")
                .hasMessageContaining("not starting");
    }

    @Test
    void anUnwritableStateDirectoryIsNamedAtStart() throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        var guard = guard(file.resolve("state"), DataSize.ofBytes(1));
        assertThatThrownBy(guard::requireRoom).hasMessageContaining("cannot be created").hasMessageContaining("HONE_RECOMMENDER_STATE_DIR");
    }

    @Test
    void theWatchReportsAShortageOnceWithItsReason() {
        var guard = guard(dir, DataSize.ofTerabytes(1024));
        AtomicReference<String> reason = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        guard.watch(r -> {
            calls.incrementAndGet();
            reason.set(r);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> reason.get() != null);
        assertThat(reason.get()).contains("free space on its disk or give it a larger volume");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 1);
        guard.unwatch();
    }

    @Test
    void aFullDiskDeepInsideAStreamsFailureIsNamedAsSuch() {
        var failure = new StreamsException(new ProcessorStateException("Error while executing flush from store learner-state",
                new RuntimeException("While appending to file: 000012.sst: No space left on device")));
        assertThat(StreamsFailure.describe(failure, dir, 0)).startsWith("the state directory " + dir).contains("ran out of space");
        assertThat(StreamsFailure.describe(new StreamsException(new IllegalStateException("broken")), dir, 0))
                .isEqualTo("IllegalStateException: broken");
    }

    private static StateSpaceGuard guard(Path stateDir, DataSize minFree) {
        return new StateSpaceGuard(new StreamsSettings("127.0.0.1:1", "app", stateDir.toString(), "127.0.0.1", 0,
                Duration.ofMillis(100), 6, (short) 1, minFree, Duration.ofMillis(100), false, true, Duration.ofSeconds(1),
                StreamsSettings.DEFAULT_PRODUCER_BATCH_SIZE,
                StreamsSettings.DEFAULT_LEARNER_MEMORY));
    }
}
