package dev.hone.testkit;

import dev.hone.security.DevTokenIssuer;
import dev.hone.security.Role;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import java.time.Duration;
import java.util.List;

/**
 * Tokens for tests, signed like {@code ./hone token} signs them. Each service's test
 * configuration ({@code src/test/resources/config/application.yml}) sets
 * {@code hone.security.dev-secret} to {@link #SECRET}.
 */
public final class TestTokens {

    public static final String SECRET = "hone-test-secret-only-for-tests-0123456789";

    private static final DevTokenIssuer ISSUER = new DevTokenIssuer(SECRET);

    private TestTokens() {
    }

    public static String admin() {
        return ISSUER.issue(Role.ADMIN, null, List.of(), Duration.ofHours(1));
    }

    public static String product() {
        return ISSUER.issue(Role.PRODUCT, null, List.of(), Duration.ofHours(1));
    }

    public static String learner(String learnerId) {
        return ISSUER.issue(Role.LEARNER, learnerId, List.of(), Duration.ofHours(1));
    }

    public static String coach(String... cohorts) {
        return ISSUER.issue(Role.COACH, null, List.of(cohorts), Duration.ofHours(1));
    }

    /** A token of the right shape signed with another key: every service must answer 401. */
    public static String forged() {
        return new DevTokenIssuer("an-attackers-secret-that-is-long-enough-00").issue(Role.ADMIN, null, List.of(), Duration.ofHours(1));
    }

    /** A token signed with the right key that expired an hour ago. */
    public static String expired() {
        var hoursAgo = java.time.Clock.fixed(java.time.Instant.now().minus(Duration.ofHours(2)), java.time.ZoneOffset.UTC);
        return new DevTokenIssuer(SECRET, DevTokenIssuer.ISSUER, hoursAgo).issue(Role.ADMIN, null, List.of(), Duration.ofHours(1));
    }

    /** Sends {@code token} on every request that does not carry its own Authorization header. */
    public static ClientHttpRequestInterceptor bearer(String token) {
        return (request, body, execution) -> {
            if (!request.getHeaders().containsKey("Authorization")) {
                request.getHeaders().setBearerAuth(token);
            }
            return execution.execute(request, body);
        };
    }
}
