package dev.hone.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How a service checks tokens when no real identity provider is configured. With
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} set, Spring
 * Boot's decoder trusts that provider and these settings are not used.
 *
 * @param devSecret  the shared HMAC-SHA256 secret of the dev issuer, at least 32 bytes
 *                   ({@code HONE_DEV_TOKEN_SECRET}; {@code ./hone up} generates one into {@code .hone/up/})
 * @param devIssuer  the {@code iss} the dev issuer writes and services require
 * @param tokenTtl   how long a dev token is valid
 * @param tokenCache how many verified tokens each service remembers, and for how long at most
 *                   ({@link VerifiedTokenCache}; for the dev issuer and a real identity provider alike)
 */
@ConfigurationProperties("hone.security")
public record SecuritySettings(
        String devSecret,
        @DefaultValue(DevTokenIssuer.ISSUER) String devIssuer,
        @DefaultValue("8h") Duration tokenTtl,
        @DefaultValue TokenCache tokenCache) {

    /**
     * @param enabled   false: every request's token is verified again (for a decoder whose checks must run on
     *                  every call: single-use {@code jti}, a revocation list)
     * @param maxMemory how much the remembered tokens may take, each counted at three times its length (the token
     *                  text and the parsed claims and headers); the least used go first. A dev token is ~0.3 KB, a
     *                  real identity provider's 1-3 KB: 16 MB hold about 5,000 of those
     * @param maxAge    longest a token is taken from memory before it is verified again (its own expiry comes first)
     */
    public record TokenCache(@DefaultValue("true") boolean enabled, @DefaultValue("16MB") DataSize maxMemory,
                             @DefaultValue("5m") Duration maxAge) {
    }
}
