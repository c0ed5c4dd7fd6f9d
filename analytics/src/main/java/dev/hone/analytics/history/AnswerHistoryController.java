package dev.hone.analytics.history;

import dev.hone.events.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

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
            throw new IllegalArgumentException("learnerId: " + Ids.RULE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
        return new Answers(learnerId, history.of(learnerId, limit));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        String[] parts = e.getMessage().split(": ", 2);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", parts[0], "reason", parts.length > 1 ? parts[1] : "is invalid")));
        return problem;
    }
}
