package dev.hone.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules, role by role, and the dev issuer's tokens as the services' decoder reads them. */
class AccessRulesTests {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

    final DevTokenIssuer issuer = new DevTokenIssuer(SECRET);

    Caller caller(Role role, String learner, String... cohorts) {
        Jwt jwt = DevTokenIssuer.decoder(SECRET, DevTokenIssuer.ISSUER).decode(issuer.issue(role, learner, List.of(cohorts), Duration.ofMinutes(5)));
        return Caller.of(jwt);
    }

    @Test
    void aLearnerReadsAndAnswersOnlyAsThemselves() {
        Caller ada = caller(Role.LEARNER, "ada");

        assertThat(AccessRules.mayReadLearner(ada, "ada", Optional::empty)).isTrue();
        assertThat(AccessRules.mayReadLearner(ada, "bob", () -> Optional.of("c1"))).isFalse();
        assertThat(AccessRules.mayAnswerAs(ada, "ada")).isTrue();
        assertThat(AccessRules.mayAnswerAs(ada, "bob")).isFalse();
        assertThat(AccessRules.mayErase(ada, "ada")).isTrue();
        assertThat(AccessRules.mayErase(ada, "bob")).isFalse();
        assertThat(AccessRules.mayManageProfiles(ada)).isFalse();
        assertThat(AccessRules.mayReadCohort(ada, "c1")).isFalse();
        assertThat(AccessRules.mayReadContentAnalytics(ada, null)).isFalse();
    }

    @Test
    void aCoachReadsTheLearnersOfTheirCohortsOnly() {
        Caller coach = caller(Role.COACH, null, "c1", "c2");

        assertThat(coach.cohorts()).containsExactlyInAnyOrder("c1", "c2");
        assertThat(AccessRules.mayReadLearner(coach, "bob", () -> Optional.of("c2"))).isTrue();
        assertThat(AccessRules.mayReadLearner(coach, "eve", () -> Optional.of("c3"))).isFalse();
        assertThat(AccessRules.mayReadLearner(coach, "new", Optional::empty)).isFalse();
        assertThat(AccessRules.mayReadCohort(coach, "c1")).isTrue();
        assertThat(AccessRules.mayReadCohort(coach, "c3")).isFalse();
        assertThat(AccessRules.mayReadContentAnalytics(coach, "c1")).isTrue();
        assertThat(AccessRules.mayReadContentAnalytics(coach, null)).isFalse();
        assertThat(AccessRules.mayAnswerAs(coach, "bob")).isFalse();
        assertThat(AccessRules.mayErase(coach, "bob")).isFalse();
    }

    @Test
    void productSeesContentAnalyticsButNoLearner() {
        Caller product = caller(Role.PRODUCT, null);

        assertThat(AccessRules.mayReadContentAnalytics(product, null)).isTrue();
        assertThat(AccessRules.mayReadLearner(product, "ada", () -> Optional.of("c1"))).isFalse();
        assertThat(AccessRules.mayAskAboutLearner(product, "ada")).isFalse();
        assertThat(AccessRules.mayReadCohort(product, "c1")).isFalse();
    }

    @Test
    void anAdminMayDoEverything() {
        Caller admin = caller(Role.ADMIN, null);

        assertThat(AccessRules.mayReadLearner(admin, "ada", Optional::empty)).isTrue();
        assertThat(AccessRules.mayManageProfiles(admin)).isTrue();
        assertThat(AccessRules.mayErase(admin, "ada")).isTrue();
        assertThat(AccessRules.mayReadCohort(admin, "c9")).isTrue();
        assertThat(AccessRules.mayReadContentAnalytics(admin, null)).isTrue();
    }

    @Test
    void theDecoderRejectsForgedExpiredAndForeignTokens() {
        var decoder = DevTokenIssuer.decoder(SECRET, DevTokenIssuer.ISSUER);
        String forged = new DevTokenIssuer("another-secret-of-at-least-32-bytes!!").issue(Role.ADMIN, null, List.of(), Duration.ofMinutes(5));
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String expired = new DevTokenIssuer(SECRET, DevTokenIssuer.ISSUER, yesterday).issue(Role.ADMIN, null, List.of(), Duration.ofHours(1));
        String foreign = new DevTokenIssuer(SECRET, "someone-else", Clock.systemUTC()).issue(Role.ADMIN, null, List.of(), Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode("not.a.token")).isInstanceOf(JwtException.class);
    }

    @Test
    void aShortSecretIsRefusedWithTheSettingToFix() {
        assertThatThrownBy(() -> new DevTokenIssuer("short")).hasMessageContaining("HONE_DEV_TOKEN_SECRET");
    }

    @Test
    void theTokenCommandNamesTheBadArgument() {
        assertThatThrownBy(() -> TokenCommand.run(new String[]{"--role", "teacher"}, SECRET)).hasMessageStartingWith("--role");
        assertThatThrownBy(() -> TokenCommand.run(new String[]{"--role", "learner"}, SECRET)).hasMessageStartingWith("--learner");
        assertThatThrownBy(() -> TokenCommand.run(new String[]{"--role", "coach"}, SECRET)).hasMessageStartingWith("--cohort");

        String token = TokenCommand.run(new String[]{"--role", "coach", "--cohort", "c1", "--cohort", "c2", "--ttl", "1h"}, SECRET);

        Caller coach = Caller.of(DevTokenIssuer.decoder(SECRET, DevTokenIssuer.ISSUER).decode(token));
        assertThat(coach.roles()).isEqualTo(Set.of(Role.COACH));
        assertThat(coach.cohorts()).containsExactlyInAnyOrder("c1", "c2");
    }
}
