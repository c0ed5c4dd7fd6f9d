package dev.hone.ingest.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** The one wall clock of ingest, a bean so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
