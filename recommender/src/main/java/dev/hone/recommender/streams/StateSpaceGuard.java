package dev.hone.recommender.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the state directory's disk from filling under RocksDB. A store that hits a full disk fails
 * mid-flush or mid-compaction; stopping while there is still room lets Streams commit, write its
 * checkpoints and close its stores, so the next start reuses them instead of restoring from the
 * changelogs. The threshold is {@code hone.streams.min-free-state-space}.
 */
@Component
public class StateSpaceGuard {

    private static final Logger log = LoggerFactory.getLogger(StateSpaceGuard.class);

    private final Path stateDir;
    private final long minFreeBytes;
    private final long checkMillis;
    private ScheduledExecutorService watcher;

    StateSpaceGuard(StreamsSettings settings) {
        this.stateDir = Path.of(settings.stateDir()).toAbsolutePath();
        this.minFreeBytes = settings.minFreeStateSpace().toBytes();
        this.checkMillis = Math.max(100, settings.stateSpaceCheck().toMillis());
    }

    /** Fails the start with the reason when the state directory cannot be written or has too little room. */
    void requireRoom() {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new IllegalStateException("the state directory " + stateDir + " cannot be created (" + e.getMessage()
                    + "); set hone.streams.state-dir (HONE_RECOMMENDER_STATE_DIR) to a writable place", e);
        }
        if (!Files.isWritable(stateDir)) {
            throw new IllegalStateException("the state directory " + stateDir + " is not writable; set hone.streams.state-dir"
                    + " (HONE_RECOMMENDER_STATE_DIR) to a writable place");
        }
        shortage().ifPresent(reason -> {
            throw new IllegalStateException(reason + "; not starting");
        });
    }

    /** Why the state directory is short of room, or empty while it has enough. */
    Optional<String> shortage() {
        long free = freeBytes();
        if (free >= minFreeBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format("the state directory %s has %s free, less than hone.streams.min-free-state-space (%s):"
                + " free space on its disk or give it a larger volume", stateDir, mib(free), mib(minFreeBytes)));
    }

    /** Checks the free space in the background and calls {@code onShortage} once, with the reason, when it runs short. */
    synchronized void watch(Consumer<String> onShortage) {
        unwatch();
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hone-state-space");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService own = watcher;
        own.scheduleWithFixedDelay(() -> {
            try {
                shortage().ifPresent(reason -> {
                    own.shutdown();
                    onShortage.accept(reason);
                });
            } catch (RuntimeException e) {
                log.warn("cannot read the free space of {}: {}", stateDir, e.toString());
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    synchronized void unwatch() {
        if (watcher != null) {
            watcher.shutdown(); // not shutdownNow: the watcher itself may be the caller, on its way to close the stores
            watcher = null;
        }
    }

    Path stateDir() {
        return stateDir;
    }

    long freeBytes() {
        try {
            return Files.getFileStore(stateDir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + stateDir, e);
        }
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
