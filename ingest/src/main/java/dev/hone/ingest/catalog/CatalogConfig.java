package dev.hone.ingest.catalog;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.grading.Grader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfig {

    @Bean
    Catalog catalog() {
        return Catalog.bundled();
    }

    @Bean
    Grader grader() {
        return new Grader();
    }
}
