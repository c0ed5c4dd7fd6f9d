package dev.hone.ingest.learner;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * How far a learner's erasure got, asked of the two services that hold something of them: the
 * recommender (state: the learner's mastery must hold no topic) and analytics (the erasure recorded
 * and no row of the learner left in ClickHouse). Both are asked with the caller's token.
 */
@Component
class ErasureProgress {

    private final JsonRelay recommender;
    private final JsonRelay analytics;

    ErasureProgress(ServiceRelays relays) {
        this.recommender = relays.recommender();
        this.analytics = relays.analytics();
    }

    /** Where a client follows an erasure's progress. */
    static String statusPath(String learnerId) {
        return "/api/v1/learners/" + learnerId + "/erasure";
    }

    record Recommender(boolean done, int topicsHeld) {
    }

    record Analytics(boolean done, boolean recorded, long rowsLeft) {
    }

    /**
     * {@code status} is {@code done} once both services hold nothing of the learner, else
     * {@code pending}; {@code recommender} and {@code analytics} are null when not asked yet.
     */
    record Progress(String learnerId, String status, String statusUrl, Recommender recommender, Analytics analytics) {
        static Progress pending(String learnerId) {
            return new Progress(learnerId, "pending", statusPath(learnerId), null, null);
        }

        boolean done() {
            return "done".equals(status);
        }
    }

    /** Throws {@link UnavailableException} when a service does not answer. */
    Progress of(String learnerId) {
        JsonNode mastery = read(recommender, "/api/v1/learners/{id}/mastery", learnerId, "the recommender");
        JsonNode stored = read(analytics, "/api/v1/learners/{id}/erasure", learnerId, "the analytics service");
        int topics = mastery.path("topics").size();
        var inRecommender = new Recommender(topics == 0, topics);
        var inAnalytics = new Analytics(stored.path("done").asBoolean(), stored.path("recorded").asBoolean(), stored.path("rowsLeft").asLong());
        boolean done = inRecommender.done() && inAnalytics.done();
        return new Progress(learnerId, done ? "done" : "pending", statusPath(learnerId), inRecommender, inAnalytics);
    }

    private static JsonNode read(JsonRelay relay, String path, String learnerId, String service) {
        try {
            JsonNode body = relay.read(path, learnerId);
            if (body == null) {
                throw new UnavailableException(service, null);
            }
            return body;
        } catch (RestClientException e) {
            throw new UnavailableException(service, e);
        }
    }

    /** A service that holds part of the learner did not answer: the progress is unknown for now. */
    static class UnavailableException extends RuntimeException {
        UnavailableException(String service, Throwable cause) {
            super(service + " did not say how far the erasure got; retry shortly", cause);
        }
    }
}
