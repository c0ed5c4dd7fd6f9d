package dev.hone.analytics.loader;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Event ids already stored, per Kafka partition (each filed under its answer week), within the
 * resend window. Answers are keyed by learner, so every resend of an event arrives on the
 * partition of the original: the owner of a partition sees all of them. Ingest accepts an answer at most 30 days old, so a
 * window a little longer than that covers every resend it can accept. Ids are kept as 64-bit
 * hashes (a false match among a month of answers has a probability of about 1e-7).
 */
final class SeenEvents {

    private final Duration window;
    private final Map<Integer, LongSet> byPartition = new HashMap<>();
    private long firstDay;

    SeenEvents(Duration window) {
        this.window = window;
        this.firstDay = windowStart(Instant.now()).getEpochSecond() / 86_400;
    }

    Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /** Records the id; false when the partition had it already (a resend to drop). */
    boolean firstTime(int partition, String eventId, Instant answeredAt) {
        return byPartition.computeIfAbsent(partition, p -> new LongSet()).add(hash(eventId), bucket(answeredAt.getEpochSecond() / 86_400));
    }

    void remember(int partition, String eventId, long epochDay) {
        byPartition.computeIfAbsent(partition, p -> new LongSet()).add(hash(eventId), bucket(epochDay));
    }

    void forget(int partition) {
        byPartition.remove(partition);
    }

    /** Drops the days that fell out of the window. */
    void expire(Instant now) {
        firstDay = windowStart(now).getEpochSecond() / 86_400;
        int firstBucket = bucket(firstDay);
        byPartition.values().forEach(ids -> ids.removeTagsBelow(firstBucket));
    }

    /**
     * Weeks, so expiring rebuilds a partition's table at most once a week. Answers older than the
     * window (ingest no longer accepts them, so they cannot be resent) share the oldest bucket
     * and leave with it.
     */
    private int bucket(long epochDay) {
        return (int) (Math.max(epochDay, firstDay) / 7);
    }

    /** Ids held for the partition (for tests). */
    int size(int partition) {
        LongSet ids = byPartition.get(partition);
        return ids == null ? 0 : ids.size();
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the chars, then Murmur's finaliser
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return LongSet.mix(h);
    }
}
