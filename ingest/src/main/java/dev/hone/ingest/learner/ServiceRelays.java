package dev.hone.ingest.learner;

import dev.hone.ingest.analytics.AnalyticsSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * One relay per service ingest reads from, built once from its settings and shared by every reader
 * (the learner reads, the readiness trend, the erasure status), so no reader builds a client of its own.
 */
@Component
class ServiceRelays {

    private final JsonRelay recommender;
    private final JsonRelay analytics;

    ServiceRelays(RecommenderSettings recommenderSettings, AnalyticsSettings analyticsSettings, RestClient.Builder builder) {
        this.recommender = new JsonRelay(builder, recommenderSettings.url(), recommenderSettings.timeout(), "Recommender");
        this.analytics = new JsonRelay(builder, analyticsSettings.url(), analyticsSettings.timeout(), "Analytics");
    }

    JsonRelay recommender() {
        return recommender;
    }

    JsonRelay analytics() {
        return analytics;
    }
}
