package dev.hone.ingest.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits of ingest ({@code hone.limits.*}).
 *
 * @param maxBody        the largest request body; a larger one gets 413 before it is parsed
 *                       (1 MB holds a full batch of 500 ordinary answers)
 * @param perClient      requests one client (its remote address) may make to /api and /xapi
 * @param perLearner     answers (single, batch items, xAPI statements) one learner may send
 * @param maxTrackedKeys how many clients and learners keep a bucket in memory; the least recently
 *                       seen are forgotten beyond that (and start again with a full bucket)
 */
@ConfigurationProperties("hone.limits")
public record LimitSettings(
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue ClientLimit perClient,
        @DefaultValue LearnerLimit perLearner,
        @DefaultValue("100000") int maxTrackedKeys) {

    /** A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond}. */
    interface Bucket {
        /** false turns the limit off (e.g. to benchmark the broker path alone) */
        boolean enabled();

        /** the burst a key may send at once */
        long capacity();

        /** the sustained rate */
        long refillPerSecond();
    }

    /**
     * Per client: bursts of 4,000 requests, 2,000 a second sustained: twice the 1,000 requests/s
     * one load generator sends in the latency benchmark, far above what a learner's page sends.
     */
    public record ClientLimit(@DefaultValue("true") boolean enabled, @DefaultValue("4000") long capacity,
                              @DefaultValue("2000") long refillPerSecond) implements Bucket {
    }

    /** Per learner: a full batch (500) at once, then 5 answers a second; a person answers every few seconds. */
    public record LearnerLimit(@DefaultValue("true") boolean enabled, @DefaultValue("500") long capacity,
                               @DefaultValue("5") long refillPerSecond) implements Bucket {
    }
}
