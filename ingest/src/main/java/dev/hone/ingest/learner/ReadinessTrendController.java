package dev.hone.ingest.learner;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Track;
import dev.hone.events.Ids;
import dev.hone.ingest.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A learner's readiness per week, for the practice page's panel: read from the analytics service's
 * {@code /api/v1/dashboards/learners/{id}/readiness/weeks} (the learner dashboard's trend, computed once
 * there from the mastery rows in ClickHouse) with the caller's token, so analytics applies the same
 * access rules. The score itself comes from {@code /readiness} (the recommender).
 */
@RestController
class ReadinessTrendController {

    private final JsonRelay analytics;
    private final Catalog catalog;

    ReadinessTrendController(ServiceRelays relays, Catalog catalog) {
        this.analytics = relays.analytics();
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/learners/{learnerId}/readiness/weeks")
    ResponseEntity<String> weeks(@PathVariable("learnerId") String learnerId,
                                 @RequestParam(name = "track", required = false) String track,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!Ids.isValid(learnerId)) {
            throw new InvalidRequestException("learnerId", Ids.RULE);
        }
        if (track == null) {
            return analytics.get(authorization, "/api/v1/dashboards/learners/{id}/readiness/weeks", learnerId);
        }
        if (!catalog.hasTrack(track)) {
            throw new InvalidRequestException("track", "unknown track (known: " + String.join(", ",
                    catalog.tracks().stream().map(Track::id).toList()) + ")");
        }
        return analytics.get(authorization, "/api/v1/dashboards/learners/{id}/readiness/weeks?track={track}", learnerId, track);
    }
}
