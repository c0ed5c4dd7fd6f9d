package dev.hone.recommender.api;

import dev.hone.catalog.Catalog;
import dev.hone.model.Mastery;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Internal API: a learner's queue and mastery, answered by the instance that owns the learner
 * (requests reaching another instance are forwarded to the owner once).
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class LearnerQueryController {

    private final LearnerStateReader reader;
    private final ItemCalibrationReader items;
    private final QueuePolicy policy;
    private final Catalog catalog;
    private final ThreadLocal<LearnerEngine> engines;
    private final Clock clock;
    private final RestClient http;

    LearnerQueryController(LearnerStateReader reader, ItemCalibrationReader items, QueuePolicy policy, Catalog catalog,
                           LearnerEngines engines, Clock clock, RestClient.Builder http) {
        this.reader = reader;
        this.items = items;
        this.policy = policy;
        this.catalog = catalog;
        this.engines = ThreadLocal.withInitial(engines::create); // engines keep scratch buffers: one per thread
        this.clock = clock;
        this.http = http.build();
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
                            @RequestParam(name = "forwarded", defaultValue = "false") boolean forwarded) {
        n = Math.max(1, Math.min(50, n));
        Optional<HostInfo> owner = forwarded ? Optional.empty() : reader.remoteOwner(learnerId);
        if (owner.isPresent()) {
            return forward(owner.get(), "/api/v1/learners/{id}/queue?n={n}&forwarded=true", learnerId, n);
        }
        LearnerState state = reader.readLocal(learnerId);
        return ResponseEntity.ok(new QueueResponse(learnerId, policy.next(engines.get().view(state, now(), items.difficulties()), n)));
    }

    @GetMapping("/mastery")
    ResponseEntity<?> mastery(@PathVariable("learnerId") String learnerId,
                              @RequestParam(name = "forwarded", defaultValue = "false") boolean forwarded) {
        Optional<HostInfo> owner = forwarded ? Optional.empty() : reader.remoteOwner(learnerId);
        if (owner.isPresent()) {
            return forward(owner.get(), "/api/v1/learners/{id}/mastery?forwarded=true", learnerId);
        }
        LearnerState state = reader.readLocal(learnerId);
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

    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Learner state not available yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The owner's answer, Retry-After included. An owner that cannot be reached (it died and the
     * group has not yet moved its partitions) is a rebalance in the making: 503, not a 500.
     */
    private ResponseEntity<String> forward(HostInfo owner, String path, Object... variables) {
        try {
            return http.get().uri("http://" + owner.host() + ":" + owner.port() + path, variables)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        var answer = ResponseEntity.status(response.getStatusCode()).contentType(MediaType.APPLICATION_JSON);
                        String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                        if (retryAfter != null) {
                            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
                        }
                        return answer.body(new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    });
        } catch (ResourceAccessException e) {
            throw new NotReadyException("the instance owning the learner (" + owner.host() + ":" + owner.port() + ") cannot be reached");
        }
    }
}
