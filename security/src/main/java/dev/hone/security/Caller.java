package dev.hone.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, read from a verified token.
 *
 * <p>Claims: {@code sub}; {@code roles} (list of role names, see {@link Role}); {@code learner}
 * (the learner id of a learner, defaulting to {@code sub}); {@code cohorts} (list of cohort ids a
 * coach looks after).
 *
 * @param subject   the token's subject
 * @param roles     the roles Hone knows among the token's
 * @param learnerId the learner this caller is, or null when not a learner
 * @param cohorts   the cohorts a coach looks after (empty otherwise)
 */
public record Caller(String subject, Set<Role> roles, String learnerId, Set<String> cohorts) {

    public static final String ROLES_CLAIM = "roles";
    public static final String LEARNER_CLAIM = "learner";
    public static final String COHORTS_CLAIM = "cohorts";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        cohorts = Set.copyOf(cohorts);
    }

    public static Caller of(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(jwt.getClaim(ROLES_CLAIM))) {
            Role.fromClaim(name).ifPresent(roles::add);
        }
        String learner = null;
        if (roles.contains(Role.LEARNER)) {
            String claim = jwt.getClaimAsString(LEARNER_CLAIM);
            learner = claim != null && !claim.isBlank() ? claim : jwt.getSubject();
        }
        return new Caller(jwt.getSubject(), roles, learner, Set.copyOf(strings(jwt.getClaim(COHORTS_CLAIM))));
    }

    /** The caller behind a request authenticated by the resource server; empty when anonymous. */
    public static Optional<Caller> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isLearner(String id) {
        return is(Role.LEARNER) && learnerId != null && learnerId.equals(id);
    }

    public boolean coaches(String cohort) {
        return is(Role.COACH) && cohort != null && cohorts.contains(cohort);
    }

    /** A claim may be a JSON list or, from some identity providers, one space-separated string. */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.trim().split("\\s+"));
        }
        return List.of();
    }
}
