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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * A learner's queue and mastery, read from the recommender. Ingest passes the recommender's
 * answer through as it is (including 503 with Retry-After during a rebalance).
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class LearnerController {

    private final JsonRelay recommender;
    private final Catalog catalog;

    LearnerController(ServiceRelays relays, Catalog catalog) {
        this.catalog = catalog;
        this.recommender = relays.recommender();
    }

    @GetMapping("/queue")
    ResponseEntity<String> queue(@PathVariable("learnerId") String learnerId,
                                 @RequestParam(name = "n", defaultValue = "10") int n,
                                 @RequestParam(name = "track", required = false) String track,
                                 @RequestParam(name = "mode", required = false) String mode,
                                 @RequestParam(name = "topic", required = false) String topic,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        check(learnerId);
        if (n < 1 || n > 50) {
            throw new InvalidRequestException("n", "must be between 1 and 50");
        }
        if (mode != null) {
            if (!mode.equals("placement")) {
                throw new InvalidRequestException("mode", "must be 'placement' (or left out for the practice queue)");
            }
            if (topic != null) {
                throw new InvalidRequestException("topic", "cannot be combined with mode=placement (the placement chooses its topics)");
            }
            return forward(authorization, "/api/v1/learners/{id}/queue?mode=placement&n={n}", learnerId, n);
        }
        if (track != null && !catalog.hasTrack(track)) {
            throw new InvalidRequestException("track", "must be one of " + catalog.tracks().stream().map(Track::id).toList());
        }
        if (topic != null && (catalog.topic(topic).isEmpty() || catalog.questionsOf(topic).isEmpty())) {
            throw new InvalidRequestException("topic", "must be the id of a topic with questions (see GET /api/v1/topics)");
        }
        // only the parameters given go along, in this order: {id}, {n}, then track and topic when present
        String path = "/api/v1/learners/{id}/queue?n={n}" + (track == null ? "" : "&track={track}") + (topic == null ? "" : "&topic={topic}");
        return forward(authorization, path, java.util.stream.Stream.of(learnerId, n, track, topic).filter(java.util.Objects::nonNull).toArray());
    }

    /** How ready the learner is for a track's interviews (their own track when none is given). */
    @GetMapping("/readiness")
    ResponseEntity<String> readiness(@PathVariable("learnerId") String learnerId,
                                     @RequestParam(name = "track", required = false) String track,
                                     @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        check(learnerId);
        if (track == null) {
            return forward(authorization, "/api/v1/learners/{id}/readiness", learnerId);
        }
        if (!catalog.hasTrack(track)) {
            throw new InvalidRequestException("track", "unknown track (known: " + String.join(", ",
                    catalog.tracks().stream().map(Track::id).toList()) + ")");
        }
        return forward(authorization, "/api/v1/learners/{id}/readiness?track={track}", learnerId, track);
    }

    @GetMapping("/mastery")
    ResponseEntity<String> mastery(@PathVariable("learnerId") String learnerId,
                                   @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        check(learnerId);
        return forward(authorization, "/api/v1/learners/{id}/mastery", learnerId);
    }

    /** The caller's token goes along: the recommender applies the same rules (and knows the learner's cohort). */
    private ResponseEntity<String> forward(String authorization, String path, Object... variables) {
        return recommender.get(authorization, path, variables);
    }

    private static void check(String learnerId) {
        if (!Ids.isValid(learnerId)) {
            throw new InvalidRequestException("learnerId", Ids.RULE);
        }
    }
}
