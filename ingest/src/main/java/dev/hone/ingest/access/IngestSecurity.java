package dev.hone.ingest.access;

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
 * Who may call ingest. Rules that need only the path are here; the learner named in an answer's
 * body is checked by {@link AnswerAccess}. Ingest keeps no profiles, so for a coach it lets
 * queue, mastery and readiness reads through to the recommender (the readiness trend to analytics),
 * which know each learner's cohort and apply the coach rule (the caller's token is forwarded).
 */
@Configuration
class IngestSecurity {

    private static final String LEARNER = "/api/v1/learners/{learnerId}";

    @Bean
    SecurityFilterChain ingestFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return HoneHttpSecurity.build(http, problems, rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/topics", "/api/v1/questions", "/api/v1/questions/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/practice", "/practice/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/answers", "/api/v1/answers/batch").hasAnyRole("LEARNER", "ADMIN")
                .requestMatchers(HttpMethod.GET, LEARNER + "/queue", LEARNER + "/mastery", LEARNER + "/readiness",
                        LEARNER + "/readiness/weeks")
                    .access(Access.to((caller, request) -> AccessRules.mayAskAboutLearner(caller, Access.variable(request, "learnerId"))))
                .requestMatchers(HttpMethod.PUT, LEARNER + "/profile").access(Access.to(AccessRules::mayManageProfiles))
                .requestMatchers(HttpMethod.GET, LEARNER + "/erasure")
                    .access(Access.to((caller, request) -> AccessRules.mayErase(caller, Access.variable(request, "learnerId"))))
                .requestMatchers(HttpMethod.DELETE, LEARNER)
                    .access(Access.to((caller, request) -> AccessRules.mayErase(caller, Access.variable(request, "learnerId"))))
                // statements name their learner in the actor: until each actor is checked, only admins (integrations) post or read them
                .requestMatchers("/xapi/**").hasRole("ADMIN")
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
    }
}
