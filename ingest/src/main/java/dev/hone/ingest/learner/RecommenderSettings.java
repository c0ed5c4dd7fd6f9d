package dev.hone.ingest.learner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where ingest forwards queue and mastery reads. Any recommender instance will do: it routes
 * the request to the instance that owns the learner.
 *
 * @param url     base URL of a recommender instance (or a load balancer in front of them)
 * @param timeout how long a forwarded read may take
 */
@ConfigurationProperties("hone.recommender")
public record RecommenderSettings(
        @DefaultValue("http://127.0.0.1:8081") String url,
        @DefaultValue("5s") Duration timeout) {
}
