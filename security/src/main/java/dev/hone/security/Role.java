package dev.hone.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller is, from the token's {@code roles} claim. The claim holds the lower-case names
 * ({@code learner}, {@code coach}, {@code product}, {@code admin}); unknown names are ignored so
 * an identity provider may put its own roles in the same claim.
 */
public enum Role {
    /** Answers, and reads only their own queue, mastery and dashboard. */
    LEARNER,
    /** Reads the learners and dashboards of their cohorts (claim {@code cohorts}). */
    COACH,
    /** Topic and question analytics; never an individual learner. */
    PRODUCT,
    /** Profiles, cohorts, erasure: everything. */
    ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
