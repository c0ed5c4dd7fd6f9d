package dev.hone.analytics.history;

import dev.hone.analytics.web.InvalidRequestException;
import dev.hone.events.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/v1/learners/{id}/answers?limit=100}: a learner's answers, newest first. Ingest
 * reads it to emit Hone's answers as xAPI statements; ClickHouse is the one store of every answer.
 */
@RestController
class AnswerHistoryController {

    static final int MAX_LIMIT = 500;

    private final AnswerHistory history;

    AnswerHistoryController(AnswerHistory history) {
        this.history = history;
    }

    record Answers(String learnerId, List<AnswerHistory.Answer> answers) {
    }

    @GetMapping("/api/v1/learners/{learnerId}/answers")
    Answers answers(@PathVariable("learnerId") String learnerId,
                    @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (!Ids.isValid(learnerId)) {
            throw new InvalidRequestException("learnerId", Ids.RULE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new Answers(learnerId, history.of(learnerId, limit));
    }
}
