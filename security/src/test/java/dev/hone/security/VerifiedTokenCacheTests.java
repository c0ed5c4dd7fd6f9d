package dev.hone.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once while it is valid; a refused one every time; none is served past its expiry or the max age. */
class VerifiedTokenCacheTests {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    final DevTokenIssuer issuer = new DevTokenIssuer(SECRET);
    final JwtDecoder devDecoder = DevTokenIssuer.decoder(SECRET, DevTokenIssuer.ISSUER);
    final AtomicInteger verifications = new AtomicInteger();
    final JwtDecoder countingVerifier = token -> {
        verifications.incrementAndGet();
        return devDecoder.decode(token);
    };
    final MovingTime time = new MovingTime(Instant.now());

    VerifiedTokenCache cache(Duration maxAge) {
        return new VerifiedTokenCache(countingVerifier, 1 << 20, maxAge, time, time.nanos::get);
    }

    @Test
    void aValidTokenIsVerifiedOnceAndReadTheSameEachTime() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = issuer.issue(Role.LEARNER, "ada", List.of("c1"), Duration.ofMinutes(30));

        for (int i = 0; i < 3; i++) {
            Caller caller = Caller.of(cache.decode(token));
            assertThat(caller.learnerId()).isEqualTo("ada");
            assertThat(caller.cohorts()).containsExactly("c1");
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRefusedTokenIsCheckedAndRefusedEveryTime() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String forged = new DevTokenIssuer("another-secret-of-at-least-32-bytes!").issue(Role.ADMIN, null, List.of(), Duration.ofMinutes(30));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpired() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = issuer.issue(Role.LEARNER, "ada", List.of(), Duration.ofMinutes(2));
        cache.decode(token);

        time.advance(Duration.ofSeconds(119));
        cache.decode(token);
        assertThat(verifications).hasValue(1);

        time.advance(Duration.ofSeconds(2)); // past exp: whatever the verifier says now (its own clock, skew) counts
        cache.decode(token);
        assertThat(verifications).hasValue(2);
        cache.decode(token); // accepted within the verifier's clock skew after exp, but not remembered
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaxAge() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        String token = issuer.issue(Role.COACH, null, List.of("c1"), Duration.ofHours(8));
        cache.decode(token);

        time.advance(Duration.ofMinutes(5).plusSeconds(1));
        cache.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void rememberedTokensStayWithinTheMemoryBound() {
        String first = issuer.issue(Role.LEARNER, "ada", List.of(), Duration.ofMinutes(30));
        VerifiedTokenCache cache = new VerifiedTokenCache(countingVerifier, 3L * first.length() * 4, Duration.ofMinutes(5),
                time, time.nanos::get);

        for (int i = 0; i < 20; i++) {
            cache.decode(issuer.issue(Role.LEARNER, "learner-" + i, List.of(), Duration.ofMinutes(30)));
        }
        assertThat(cache.remembered()).isBetween(1L, 4L);
        assertThat(verifications).hasValue(20);
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new VerifiedTokenCache(countingVerifier, 0, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-memory");
        assertThatThrownBy(() -> new VerifiedTokenCache(countingVerifier, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-age");
    }

    /** A wall clock and the cache's ticker moved together by the test. */
    static final class MovingTime extends Clock {
        final AtomicLong nanos = new AtomicLong();
        private final Instant start;

        MovingTime(Instant start) {
            this.start = start;
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public Instant instant() {
            return start.plusNanos(nanos.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
