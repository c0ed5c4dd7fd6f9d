package dev.hone.recommender.api;

import dev.hone.catalog.Catalog;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.readiness.TrackReadiness;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlacementConfig {

    @Bean
    PlacementPolicy placementPolicy(Catalog catalog, PlacementProperties properties) {
        return new PlacementPolicy(catalog, properties.placement().settings());
    }

    @Bean
    TrackReadiness trackReadiness(Catalog catalog, PlacementProperties properties) {
        return new TrackReadiness(catalog, properties.readiness().settings());
    }
}
