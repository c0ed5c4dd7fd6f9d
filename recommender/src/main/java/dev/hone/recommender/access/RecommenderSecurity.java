package dev.hone.recommender.access;

import dev.hone.security.Access;
import dev.hone.security.AccessRules;
import dev.hone.security.HoneHttpSecurity;
import dev.hone.security.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the recommender's IQ API. The path rule lets learners (themselves), coaches and
 * admins in; the instance that owns the learner then applies the coach rule with the cohort it
 * keeps in the learner's state ({@code LearnerQueryController}).
 */
@Configuration
class RecommenderSecurity {

    @Bean
    SecurityFilterChain recommenderFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        return HoneHttpSecurity.build(http, problems, rules -> rules
                .requestMatchers("/api/v1/learners/{learnerId}/**")
                    .access(Access.to((caller, request) -> AccessRules.mayAskAboutLearner(caller, Access.variable(request, "learnerId"))))
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
    }
}
