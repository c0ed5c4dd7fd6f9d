package dev.hone.ingest.limit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One Bucket4j token bucket per key (a client or a learner), kept in memory for the most
 * recently seen keys only, so a flood of made-up learner ids cannot exhaust the heap.
 * Per instance: behind a load balancer each ingest instance limits on its own.
 */
final class TokenBuckets {

    private final LimitSettings.Bucket shape;
    private final Map<String, Bucket> buckets;

    TokenBuckets(LimitSettings.Bucket shape, int maxKeys) {
        this.shape = shape;
        // access-ordered LinkedHashMap: evicts the least recently used key past maxKeys
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token for {@code key}; empty if taken, else the seconds until one is available. */
    OptionalLong take(String key) {
        if (!shape.enabled()) {
            return OptionalLong.empty();
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(shape.capacity())
                        .refillGreedy(shape.refillPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
