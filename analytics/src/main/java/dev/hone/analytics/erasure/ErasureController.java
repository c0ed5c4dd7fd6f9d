package dev.hone.analytics.erasure;

import dev.hone.events.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/learners/{id}/erasure}: how far the learner's erasure got in ClickHouse.
 * Ingest reads it for the status of {@code DELETE /api/v1/learners/{id}}; admins and the learner
 * themselves may ask.
 */
@RestController
class ErasureController {

    private final ErasureProgress progress;

    ErasureController(ErasureProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/learners/{learnerId}/erasure")
    ErasureProgress.Progress erasure(@PathVariable("learnerId") String learnerId) {
        if (!Ids.isValid(learnerId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "learnerId: " + Ids.RULE);
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(Map.of("field", "learnerId", "reason", Ids.RULE)));
            throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return progress.of(learnerId);
    }
}
