package dev.hone.analytics.loader;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SeenEventsTests {

    private final Instant now = Instant.now();
    private final SeenEvents seen = new SeenEvents(Duration.ofDays(31));

    @Test
    void aResentEventIsRecognisedWhateverDayItClaims() {
        assertThat(seen.firstTime(0, "e-1", now.minus(Duration.ofDays(3)))).isTrue();

        assertThat(seen.firstTime(0, "e-1", now.minus(Duration.ofDays(3)))).isFalse();
        assertThat(seen.firstTime(0, "e-1", now.minus(Duration.ofDays(20)))).isFalse();
        assertThat(seen.firstTime(1, "e-1", now)).isTrue();
    }

    @Test
    void idsLearnedFromClickHouseCountAsSeen() {
        seen.remember(2, "e-9", now.getEpochSecond() / 86_400);

        assertThat(seen.firstTime(2, "e-9", now)).isFalse();
    }

    @Test
    void idsLeaveOnceTheirWeekFallsOutOfTheWindow() {
        for (int i = 0; i < 5000; i++) {
            seen.firstTime(0, "recent-" + i, now.minus(Duration.ofDays(1)));
            seen.firstTime(0, "old-" + i, now.minus(Duration.ofDays(200)));
        }

        seen.expire(now.plus(Duration.ofDays(14)));

        assertThat(seen.size(0)).isEqualTo(5000);
        assertThat(seen.firstTime(0, "recent-42", now)).isFalse();
        assertThat(seen.firstTime(0, "old-42", now)).isTrue();
    }

    @Test
    void forgettingAPartitionDropsItsIds() {
        seen.firstTime(3, "e-1", now);

        seen.forget(3);

        assertThat(seen.size(3)).isZero();
        assertThat(seen.firstTime(3, "e-1", now)).isTrue();
    }
}
