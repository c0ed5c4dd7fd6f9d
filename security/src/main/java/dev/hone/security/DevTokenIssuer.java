package dev.hone.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The dev-only issuer: HS256 tokens signed with a shared secret, for running Hone locally and in
 * tests. Production trusts a real identity provider instead (issuer URI or JWK set, see the
 * README), and this class is not used there.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "hone-dev";
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private final SecretKey key;
    private final String issuer;
    private final Clock clock;

    public DevTokenIssuer(String secret, String issuer, Clock clock) {
        this.key = key(secret);
        this.issuer = issuer;
        this.clock = clock;
    }

    public DevTokenIssuer(String secret) {
        this(secret, ISSUER, Clock.systemUTC());
    }

    /** A signed token for {@code role}; {@code learner} names the learner, {@code cohorts} a coach's cohorts. */
    public String issue(Role role, String learner, Collection<String> cohorts, Duration ttl) {
        Instant now = clock.instant();
        String subject = learner != null ? learner : role.claimValue() + (cohorts.isEmpty() ? "" : ":" + String.join(",", cohorts));
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(subject).issuedAt(now).expiresAt(now.plus(ttl))
                .claim(Caller.ROLES_CLAIM, List.of(role.claimValue()));
        if (learner != null) {
            claims.claim(Caller.LEARNER_CLAIM, learner);
        }
        if (!cohorts.isEmpty()) {
            claims.claim(Caller.COHORTS_CLAIM, List.copyOf(cohorts));
        }
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    /** The decoder services use with the dev issuer: signature, expiry (60 s skew) and issuer checked. */
    public static JwtDecoder decoder(String secret, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(secret)).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
        return decoder;
    }

    private static SecretKey key(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("hone.security.dev-secret (HONE_DEV_TOKEN_SECRET) must hold at least " + MIN_SECRET_BYTES
                    + " bytes, or set spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri to trust a real identity provider");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
