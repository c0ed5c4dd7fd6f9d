package dev.hone.recommender.api;

import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.placement.Placement;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.readiness.TrackReadiness;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Internal API: the placement queue ({@code /queue?mode=...}; the practice queue without {@code mode} stays in
 * {@link LearnerQueryController}) and the readiness score, answered by the instance owning the learner.
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class PlacementController {

    static final String PLACEMENT = "placement";

    private final LearnerStateReader reader;
    private final PlacementPolicy placements;
    private final TrackReadiness readiness;
    private final ThreadLocal<LearnerEngine> engines;
    private final Clock clock;
    private final OwnerForwarding forwarding;
    private final MeterRegistry meters;

    PlacementController(LearnerStateReader reader, PlacementPolicy placements, TrackReadiness readiness, LearnerEngines engines,
                        Clock clock, OwnerForwarding forwarding, MeterRegistry meters) {
        this.meters = meters;
        this.reader = reader;
        this.placements = placements;
        this.readiness = readiness;
        this.engines = ThreadLocal.withInitial(engines::create); // engines keep scratch buffers: one per thread
        this.clock = clock;
        this.forwarding = forwarding;
    }

    /** The placement's next questions; {@code status} says whether it goes on, or why it ended. */
    record PlacementResponse(String learnerId, String mode, String track, String status, int answered, int cap, List<QueueItem> items) {
    }

    @GetMapping(value = "/queue", params = "mode")
    ResponseEntity<?> placement(@PathVariable("learnerId") String learnerId, @RequestParam("mode") String mode,
                                @RequestParam(name = "n", defaultValue = "10") int n,
                                @RequestParam(name = "forwarded", defaultValue = "false") boolean forwarded,
                                @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!PLACEMENT.equals(mode)) {
            throw new BadParameterException("mode", "must be 'placement' (or left out for the practice queue)");
        }
        n = Math.max(1, Math.min(50, n));
        Optional<HostInfo> owner = forwarded ? Optional.empty() : reader.remoteOwner(learnerId);
        if (owner.isPresent()) {
            return forwarding.forward(owner.get(), authorization, "/api/v1/learners/{id}/queue?mode=placement&n={n}&forwarded=true", learnerId, n);
        }
        LearnerState state = reader.readable(learnerId);
        Placement placement = placements.of(state);
        List<QueueItem> items = placements.next(placement, new HashSet<>(state.recentQuestions()), n);
        // How placements end (cap, confident) and how many are asked while in progress, per status.
        meters.counter("hone.placement.requests", "status", placement.status().code()).increment();
        return ResponseEntity.ok(new PlacementResponse(learnerId, PLACEMENT, placement.track(), placement.status().code(), placement.answered(),
                placements.settings().cap(), items));
    }

    record ReadinessResponse(String learnerId, String track, double score, double low, double high, long topicAnswers,
                             boolean placed, List<TrackReadiness.BestTopic> bestTopics) {
    }

    @GetMapping("/readiness")
    ResponseEntity<?> readiness(@PathVariable("learnerId") String learnerId,
                                @RequestParam(name = "track", required = false) String track,
                                @RequestParam(name = "forwarded", defaultValue = "false") boolean forwarded,
                                @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Optional<HostInfo> owner = forwarded ? Optional.empty() : reader.remoteOwner(learnerId);
        if (owner.isPresent()) {
            return forwarding.forward(owner.get(), authorization, "/api/v1/learners/{id}/readiness?forwarded=true" + (track == null ? "" : "&track={track}"),
                    learnerId, track);
        }
        LearnerState state = reader.readable(learnerId);
        String forTrack = track == null || track.isBlank() ? state.track() : track;
        var modelView = engines.get().view(state, clock.instant().getEpochSecond());
        var view = placements.forReadiness(modelView, forTrack);
        TrackReadiness.Result r;
        try {
            r = readiness.of(view, forTrack);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("track", e.getMessage());
        }
        meters.counter("hone.readiness.requests", "placed", Boolean.toString(view != modelView)).increment();
        return ResponseEntity.ok(new ReadinessResponse(learnerId, r.track(), r.score(), r.low(), r.high(), r.topicAnswers(),
                view != modelView, r.bestTopics()));
    }

    static final class BadParameterException extends RuntimeException {
        final String field;

        BadParameterException(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field + ": " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field, "reason", e.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
