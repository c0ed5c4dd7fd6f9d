package dev.hone.analytics.dashboard;

import dev.hone.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The question bank, for topic names, answer keys and each track's core topics. */
@Configuration(proxyBeanMethods = false)
class Catalogs {

    @Bean
    Catalog catalog() {
        return Catalog.bundled();
    }
}
