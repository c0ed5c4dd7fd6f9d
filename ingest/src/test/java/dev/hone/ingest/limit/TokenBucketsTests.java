package dev.hone.ingest.limit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

    @Test
    void admitsTheBurstThenTellsWhenTheNextTokenComes() {
        var buckets = new TokenBuckets(new LimitSettings.LearnerLimit(true, 3, 1), 10);

        assertThat(buckets.take("ada")).isEmpty();
        assertThat(buckets.take("ada")).isEmpty();
        assertThat(buckets.take("ada")).isEmpty();

        assertThat(buckets.take("ada")).hasValue(1);
        assertThat(buckets.take("bob")).as("another key has its own bucket").isEmpty();
    }

    @Test
    void aDisabledLimitAdmitsEverything() {
        var buckets = new TokenBuckets(new LimitSettings.ClientLimit(false, 1, 1), 10);

        for (int i = 0; i < 100; i++) {
            assertThat(buckets.take("flood")).isEmpty();
        }
    }

    @Test
    void forgetsTheLeastRecentlySeenKeysBeyondTheBound() {
        var buckets = new TokenBuckets(new LimitSettings.LearnerLimit(true, 1, 1), 2);
        buckets.take("a");
        buckets.take("b");
        buckets.take("c");

        assertThat(buckets.take("a")).as("a was evicted, so it starts with a full bucket").isEmpty();
    }
}
