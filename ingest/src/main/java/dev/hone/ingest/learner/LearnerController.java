package dev.hone.ingest.learner;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Track;
import dev.hone.events.Ids;
import dev.hone.ingest.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;


/**
 * A learner's queue and mastery, read from the recommender. Ingest passes the recommender's
 * answer through as it is (including 503 with Retry-After during a rebalance).
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class LearnerController {

    private final RestClient recommender;
    private final Catalog catalog;

    LearnerController(RecommenderSettings settings, RestClient.Builder builder, Catalog catalog) {
        this.catalog = catalog;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.timeout());
        requests.setReadTimeout(settings.timeout());
        this.recommender = builder.baseUrl(settings.url()).requestFactory(requests).build();
    }

    @GetMapping("/queue")
    ResponseEntity<String> queue(@PathVariable("learnerId") String learnerId,
                                 @RequestParam(name = "n", defaultValue = "10") int n,
                                 @RequestParam(name = "track", required = false) String track,
                                 @RequestParam(name = "mode", required = false) String mode,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        check(learnerId);
        if (n < 1 || n > 50) {
            throw new InvalidRequestException("n", "must be between 1 and 50");
        }
        if (mode != null) {
            if (!mode.equals("placement")) {
                throw new InvalidRequestException("mode", "must be 'placement' (or left out for the practice queue)");
            }
            return forward(authorization, "/api/v1/learners/{id}/queue?mode=placement&n={n}", learnerId, n);
        }
        if (track == null) {
            return forward(authorization, "/api/v1/learners/{id}/queue?n={n}", learnerId, n);
        }
        if (!catalog.hasTrack(track)) {
            throw new InvalidRequestException("track", "must be one of " + catalog.tracks().stream().map(Track::id).toList());
        }
        return forward(authorization, "/api/v1/learners/{id}/queue?n={n}&track={track}", learnerId, n, track);
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
        try {
            return recommender.get().uri(path, variables).accept(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (authorization != null) {
                            h.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    })
                    .exchange((request, response) -> {
                        var headers = new HttpHeaders();
                        headers.setContentType(response.getHeaders().getContentType());
                        String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                        if (retryAfter != null) {
                            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
                        }
                        String challenge = response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
                        if (challenge != null) {
                            headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
                        }
                        String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        return new ResponseEntity<>(body, headers, response.getStatusCode());
                    });
        } catch (ResourceAccessException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body("{\"type\":\"about:blank\",\"title\":\"Recommender unavailable\",\"status\":503,"
                            + "\"detail\":\"the recommender did not answer; retry shortly\"}");
        }
    }

    private static void check(String learnerId) {
        if (!Ids.isValid(learnerId)) {
            throw new InvalidRequestException("learnerId", Ids.RULE);
        }
    }
}
