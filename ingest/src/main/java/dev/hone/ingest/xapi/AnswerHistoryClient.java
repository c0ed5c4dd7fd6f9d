package dev.hone.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.ingest.analytics.AnalyticsSettings;
import dev.hone.security.ServiceClients;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads a learner's stored answers from the analytics service
 * ({@code GET /api/v1/learners/{id}/answers}). Ingest keeps no answers itself: Kafka holds them
 * for the services downstream, and ClickHouse (behind analytics) is the one store that keeps
 * every answer queryable by learner.
 */
@Component
class AnswerHistoryClient {

    private final RestClient analytics;

    AnswerHistoryClient(AnalyticsSettings settings, RestClient.Builder builder) {
        this.analytics = ServiceClients.forCaller(builder, settings.url(), settings.timeout());
    }

    /** The learner's answers, newest first; throws {@link HistoryUnavailableException} if analytics does not answer. */
    JsonNode answers(String learnerId, int limit) {
        try {
            JsonNode body = analytics.get().uri("/api/v1/learners/{id}/answers?limit={limit}", learnerId, limit)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
            if (body == null || !body.path("answers").isArray()) {
                throw new HistoryUnavailableException(null);
            }
            return body.path("answers");
        } catch (RestClientException e) {
            throw new HistoryUnavailableException(e);
        }
    }

    static class HistoryUnavailableException extends RuntimeException {
        HistoryUnavailableException(Throwable cause) {
            super("the analytics service did not return the answers", cause);
        }
    }
}
