package dev.hone.recommender.api;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.policy.QueuePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfig {

    @Bean
    Catalog catalog() {
        return Catalog.bundled();
    }

    @Bean
    QueuePolicy queuePolicy(Catalog catalog) {
        return new QueuePolicy(catalog);
    }
}
