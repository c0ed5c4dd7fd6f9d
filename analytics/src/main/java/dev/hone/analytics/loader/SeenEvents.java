package dev.hone.analytics.loader;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event ids already stored, per Kafka partition and answer week, within the resend window. Answers
 * are keyed by learner, so every resend of an event arrives on the partition of the original:
 * the owner of a partition sees all of them. Ingest accepts an answer at most 30 days old, so a
 * window a little longer than that covers every resend it can accept. Ids are kept as 64-bit
 * hashes (a false match among a month of answers has a probability of about 1e-7).
 */
final class SeenEvents {

    private final Duration window;
    private final Map<Integer, TreeMap<Long, LongSet>> byPartition = new HashMap<>();
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
        var days = byPartition.computeIfAbsent(partition, p -> new TreeMap<>());
        long h = hash(eventId);
        for (LongSet ids : days.values()) {
            if (ids.contains(h)) {
                return false;
            }
        }
        days.computeIfAbsent(bucket(answeredAt.getEpochSecond() / 86_400), d -> new LongSet()).add(h);
        return true;
    }

    void remember(int partition, String eventId, long epochDay) {
        byPartition.computeIfAbsent(partition, p -> new TreeMap<>()).computeIfAbsent(bucket(epochDay), d -> new LongSet()).add(hash(eventId));
    }

    void forget(int partition) {
        byPartition.remove(partition);
    }

    /** Drops the days that fell out of the window. */
    void expire(Instant now) {
        firstDay = windowStart(now).getEpochSecond() / 86_400;
        long firstBucket = bucket(firstDay);
        byPartition.values().forEach(weeks -> weeks.headMap(firstBucket).clear());
    }

    /**
     * Weeks, so a lookup checks at most ~6 sets. Answers older than the window (ingest no longer
     * accepts them, so they cannot be resent) share the oldest bucket and leave with it.
     */
    private long bucket(long epochDay) {
        return Math.max(epochDay, firstDay) / 7;
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the chars, then Murmur's finaliser
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return LongSet.mix(h);
    }
}
