package dev.hone.recommender.streams;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Says in one line why a stream thread failed, for the log an operator reads first. A full disk
 * surfaces from RocksDB as a {@code ProcessorStateException} several causes deep; the chain is
 * searched so the line names the state directory instead of a RocksDB status code.
 */
final class StreamsFailure {

    private StreamsFailure() {
    }

    static String describe(Throwable failure, Path stateDir, long freeBytes) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("nospace") || message.contains("disk quota")) {
                return "the state directory " + stateDir + " ran out of space (" + StateSpaceGuard.mib(freeBytes)
                        + " free now): free space on its disk or give it a larger volume, then start again";
            }
            if (t instanceof OutOfMemoryError) {
                return "out of memory: give the recommender a larger heap (-Xmx) or fewer state-store caches";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
