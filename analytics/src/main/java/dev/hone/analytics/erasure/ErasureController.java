package dev.hone.analytics.erasure;

import dev.hone.analytics.web.InvalidRequestException;
import dev.hone.events.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

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
            throw new InvalidRequestException("learnerId", Ids.RULE);
        }
        return progress.of(learnerId);
    }
}
