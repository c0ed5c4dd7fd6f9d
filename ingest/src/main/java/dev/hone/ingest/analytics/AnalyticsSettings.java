package dev.hone.ingest.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where ingest reads what only the analytics service knows: a learner's stored answers (for
 * {@code GET /xapi/statements}) and how far their erasure got in ClickHouse.
 *
 * @param url     base URL of an analytics instance (or a load balancer in front of them)
 * @param timeout how long such a read may take
 */
@ConfigurationProperties("hone.analytics")
public record AnalyticsSettings(
        @DefaultValue("http://127.0.0.1:8082") String url,
        @DefaultValue("5s") Duration timeout) {
}
