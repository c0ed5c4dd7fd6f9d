package dev.hone.ingest.learner;

import dev.hone.events.Ids;
import dev.hone.ingest.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Erasure: {@code DELETE /api/v1/learners/{id}} writes a tombstone on {@code hone.learners.v1};
 * the recommender drops the learner's state and analytics their rows. It answers {@code 202} with
 * a status URL ({@code Location}, {@code GET /api/v1/learners/{id}/erasure}) or, with
 * {@code ?wait=SECONDS}, waits up to that long and answers {@code 200} once nothing of the learner
 * is left. For admins and the learner themselves.
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class ErasureController {

    static final int MAX_WAIT_SECONDS = 60;
    private static final Duration POLL = Duration.ofMillis(250);

    private final LearnerRecords records;
    private final ErasureProgress progress;

    ErasureController(LearnerRecords records, ErasureProgress progress) {
        this.records = records;
        this.progress = progress;
    }

    @DeleteMapping
    ResponseEntity<ErasureProgress.Progress> erase(@PathVariable("learnerId") String learnerId,
                                                   @RequestParam(name = "wait", defaultValue = "0") int waitSeconds) throws InterruptedException {
        check(learnerId);
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new InvalidRequestException("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        records.publish(learnerId, null);
        Instant until = Instant.now().plusSeconds(waitSeconds);
        ErasureProgress.Progress now = ErasureProgress.Progress.pending(learnerId);
        while (waitSeconds > 0) {
            now = readOrPending(learnerId);
            if (now.done() || Instant.now().isAfter(until)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        if (now.done()) {
            return ResponseEntity.ok(now);
        }
        return ResponseEntity.accepted().location(URI.create(ErasureProgress.statusPath(learnerId))).body(now);
    }

    @GetMapping("/erasure")
    ErasureProgress.Progress status(@PathVariable("learnerId") String learnerId) {
        check(learnerId);
        return progress.of(learnerId);
    }

    @ExceptionHandler(ErasureProgress.UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ErasureProgress.UnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Erasure status unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
    }

    /** While waiting, a service that does not answer only means "not known to be done yet". */
    private ErasureProgress.Progress readOrPending(String learnerId) {
        try {
            return progress.of(learnerId);
        } catch (ErasureProgress.UnavailableException e) {
            return ErasureProgress.Progress.pending(learnerId);
        }
    }

    private static void check(String learnerId) {
        if (!Ids.isValid(learnerId)) {
            throw new InvalidRequestException("learnerId", Ids.RULE);
        }
    }
}
