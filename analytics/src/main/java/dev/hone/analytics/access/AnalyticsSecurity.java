package dev.hone.analytics.access;

import dev.hone.security.Access;
import dev.hone.security.AccessRules;
import dev.hone.security.HoneHttpSecurity;
import dev.hone.security.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read which dashboard. The pages under {@code /dashboards/} are static shells without
 * data (open); every figure they draw comes from {@code /api/v1/dashboards/}, checked here with
 * the token the page sends. A learner's cohort comes from ClickHouse's learners table.
 */
@Configuration
class AnalyticsSecurity {

    private static final String API = "/api/v1/dashboards";

    @Bean
    SecurityFilterChain analyticsFilterChain(HttpSecurity http, ProblemResponses problems, LearnerCohorts cohorts) throws Exception {
        return HoneHttpSecurity.build(http, problems, rules -> rules
                .requestMatchers(HttpMethod.GET, "/dashboards/**", "/webjars/**").permitAll()
                .requestMatchers(HttpMethod.GET, API + "/learners/{learnerId}", API + "/learners/{learnerId}/**", "/api/v1/learners/{learnerId}/answers")
                    .access(Access.to((caller, request) -> AccessRules.mayReadLearner(caller, Access.variable(request, "learnerId"),
                            () -> cohorts.of(Access.variable(request, "learnerId")))))
                .requestMatchers(HttpMethod.GET, "/api/v1/learners/{learnerId}/erasure")
                    .access(Access.to((caller, request) -> AccessRules.mayErase(caller, Access.variable(request, "learnerId"))))
                .requestMatchers(HttpMethod.GET, API + "/cohorts/{cohort}/learners/{learnerId}/**")
                    .access(Access.to((caller, request) -> {
                        String cohort = Access.variable(request, "cohort");
                        String learner = Access.variable(request, "learnerId");
                        // the learner must really be in the cohort the path names, not only the coach in it
                        return AccessRules.mayReadCohort(caller, cohort)
                                && AccessRules.mayReadLearner(caller, learner, () -> cohorts.of(learner).filter(cohort::equals));
                    }))
                .requestMatchers(HttpMethod.GET, API + "/cohorts/{cohort}", API + "/cohorts/{cohort}/at-risk")
                    .access(Access.to((caller, request) -> AccessRules.mayReadCohort(caller, Access.variable(request, "cohort"))))
                .requestMatchers(HttpMethod.GET, API + "/topics", API + "/questions", API + "/questions/**")
                    .access(Access.to((caller, request) -> AccessRules.mayReadContentAnalytics(caller,
                            request.getRequest().getParameter("cohort"))))
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
    }
}
