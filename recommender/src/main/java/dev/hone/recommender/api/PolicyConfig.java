package dev.hone.recommender.api;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.policy.PolicySettings;
import dev.hone.recommender.policy.QueuePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class PolicyConfig {

    @Bean
    Catalog catalog() {
        return Catalog.bundled();
    }

    @Bean
    LearnerEngines learnerEngines(ModelSettings settings, Catalog catalog) {
        return new LearnerEngines(LearnerEngines.loadParams(settings.params()), settings.name(), catalog);
    }

    /** Every knob from hone.policy.* over the documented defaults (recommender/POLICY.md). */
    @Bean
    PolicySettings policySettings(Environment env) {
        return PolicyProperties.bind(env);
    }

    @Bean
    QueuePolicy queuePolicy(Catalog catalog, PolicySettings settings) {
        return new QueuePolicy(catalog, settings);
    }

    /** The API's wall clock: mastery is read "as of now", forgetting included. The model itself has none. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
