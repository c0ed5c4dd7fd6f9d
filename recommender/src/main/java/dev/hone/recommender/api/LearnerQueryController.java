package dev.hone.recommender.api;

import dev.hone.catalog.Catalog;
import dev.hone.model.Mastery;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Internal API: a learner's queue and mastery, answered by the instance that owns the learner
 * (requests reaching another instance are forwarded to the owner once, with the caller's token).
 * The owner checks who may read the learner, since only it holds the learner's cohort.
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class LearnerQueryController {

    private final LearnerStateReader reader;
    private final ItemCalibrationReader items;
    private final QueuePolicy policy;
    private final PlacementPolicy placements;
    private final Catalog catalog;
    private final ThreadLocal<LearnerEngine> engines;
    private final Clock clock;
    private final OwnerForwarding forwarding;

    LearnerQueryController(LearnerStateReader reader, ItemCalibrationReader items, QueuePolicy policy, PlacementPolicy placements,
                           Catalog catalog, LearnerEngines engines, Clock clock, OwnerForwarding forwarding) {
        this.reader = reader;
        this.items = items;
        this.policy = policy;
        this.placements = placements;
        this.catalog = catalog;
        this.engines = ThreadLocal.withInitial(engines::create); // engines keep scratch buffers: one per thread
        this.clock = clock;
        this.forwarding = forwarding;
    }

    record QueueResponse(String learnerId, List<QueueItem> items) {
    }

    /** A topic's mastery now (forgetting included) with a 95% interval, and the answers behind it. */
    record TopicMastery(String topicId, double mastery, double low, double high, long answers) {
    }

    record MasteryResponse(String learnerId, List<TopicMastery> topics) {
    }

    @GetMapping("/queue")
    ResponseEntity<?> queue(@PathVariable("learnerId") String learnerId,
                            @RequestParam(name = "n", defaultValue = "10") int n,
                            @RequestParam(name = "forwarded", defaultValue = "false") boolean forwarded,
                            @RequestParam(name = "track", required = false) String track,
                            @RequestParam(name = "topic", required = false) String topic,
                            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        n = Math.max(1, Math.min(50, n));
        if (track != null && !catalog.hasTrack(track)) {
            return invalid("track", "must be one of the catalog's tracks");
        }
        if (topic != null && (catalog.topic(topic).isEmpty() || catalog.questionsOf(topic).isEmpty())) {
            return invalid("topic", "must be a topic of the catalog that has questions");
        }
        Optional<HostInfo> owner = forwarded ? Optional.empty() : reader.remoteOwner(learnerId);
        if (owner.isPresent()) {
            return forward(owner.get(), authorization, "/api/v1/learners/{id}/queue?n={n}&forwarded=true"
                    + (track == null ? "" : "&track={t}") + (topic == null ? "" : "&topic={topic}"), variables(learnerId, n, track, topic));
        }
        LearnerState state = reader.readable(learnerId);
        // a track asked for (the practice page's choice) steers this queue; the profile's track is the default
        LearnerState steered = track == null ? state : state.withTrack(track);
        // after a placement the queue starts from its estimates, not from the model's prior
        LearnerView view = placements.afterPlacement(engines.get().view(steered, now(), items.difficulties()));
        List<QueueItem> queue = topic == null ? policy.next(view, n) : policy.nextIn(view, catalog.topic(topic).orElseThrow(), n);
        return ResponseEntity.ok(new QueueResponse(learnerId, queue));
    }

    private static Object[] variables(Object... candidates) {
        return java.util.Arrays.stream(candidates).filter(java.util.Objects::nonNull).toArray();
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(java.util.Map.of("field", field, "reason", reason)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/mastery")
    ResponseEntity<?> mastery(@PathVariable("learnerId") String learnerId,
                              @RequestParam(name = "forwarded", defaultValue = "false") boolean forwarded,
                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Optional<HostInfo> owner = forwarded ? Optional.empty() : reader.remoteOwner(learnerId);
        if (owner.isPresent()) {
            return forward(owner.get(), authorization, "/api/v1/learners/{id}/mastery?forwarded=true", learnerId);
        }
        LearnerState state = reader.readable(learnerId);
        LearnerView view = engines.get().view(state, now());
        List<TopicMastery> topics = state.topics().entrySet().stream()
                .filter(e -> catalog.topic(e.getKey()).isPresent())
                .map(e -> {
                    Mastery m = view.masteryDetail(e.getKey());
                    return new TopicMastery(e.getKey(), m.mean(), m.low(), m.high(), e.getValue().answers());
                })
                .sorted(Comparator.comparingDouble(TopicMastery::mastery).thenComparing(TopicMastery::topicId))
                .toList();
        return ResponseEntity.ok(new MasteryResponse(learnerId, topics));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }


    private ResponseEntity<String> forward(HostInfo owner, String authorization, String path, Object... variables) {
        return forwarding.forward(owner, authorization, path, variables);
    }
}
