package dev.hone.ingest.learner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where ingest reads a learner's readiness trend (the analytics service keeps the mastery history in
 * ClickHouse; the recommender keeps none).
 *
 * @param url     base URL of the analytics service
 * @param timeout how long that read may take before the practice page shows the score without its trend
 */
@ConfigurationProperties("hone.analytics")
public record AnalyticsSettings(
        @DefaultValue("http://127.0.0.1:8082") String url,
        @DefaultValue("3s") Duration timeout) {
}
