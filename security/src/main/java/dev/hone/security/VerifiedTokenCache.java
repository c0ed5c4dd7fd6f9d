package dev.hone.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers bearer tokens that passed the verifier, so a client that sends the same token with
 * every request (a learner's practice page, a service relaying its caller, a load test) pays for
 * parsing its JSON and checking its signature once per token instead of once per request: that
 * was about 14% of ingest's CPU per single answer (bench profile, README "Who may see what").
 *
 * <p>A token is remembered only after the wrapped decoder accepted it (signature, issuer, expiry
 * with its clock skew) and only until its own {@code exp} or {@code maxAge}, whichever comes
 * first, so nothing is accepted from here that the decoder would refuse at that moment for its
 * signature, issuer or times; what it adds is up to {@code maxAge} before a token signed with a key
 * the identity provider withdrew is refused (Spring's JWK-set decoder itself keeps the key set until
 * a token names an unknown key), and a decoder whose checks must run on every call (single-use
 * {@code jti}, a revocation list) needs the cache turned off. A refused token is never remembered: a
 * forged or expired one is checked, and refused, every time. The key is the whole token, signature
 * included; memory is bounded by weight (three times the token's length each).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final Duration maxAge;
    private final Clock clock;

    public VerifiedTokenCache(JwtDecoder verifier, long maxBytes, Duration maxAge) {
        this(verifier, maxBytes, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With the clock that reads a token's {@code exp} and the ticker that ages entries (tests move both). */
    VerifiedTokenCache(JwtDecoder verifier, long maxBytes, Duration maxAge, Clock clock, Ticker ticker) {
        if (maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("hone.security.token-cache: max-memory and max-age must be positive");
        }
        this.verifier = verifier;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String token, Jwt jwt) -> 3 * token.length())
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token); // throws for a token it refuses: nothing is remembered then
        verified.put(token, jwt);
        return jwt;
    }

    /** How many tokens are remembered, once pending evictions ran. */
    long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Until the token expires, at most {@code maxAge}; a token accepted within the skew after its expiry is not kept. */
    private Duration lifetime(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return maxAge;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }
}
