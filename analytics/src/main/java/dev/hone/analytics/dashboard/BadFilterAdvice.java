package dev.hone.analytics.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * A bad filter of the dashboards' JSON and CSV API ({@link DashboardFilter}'s "field: rule") is a
 * 400 problem body naming the field. Its {@code reason} keeps the "field: " prefix, as it always
 * has here (the learner endpoints' {@code web.InvalidRequestAdvice} leaves it out). The pages
 * check their path's id the same way: a bad one is this 400, not a page or a 500.
 */
@RestControllerAdvice(assignableTypes = {DashboardController.class, ReadinessPanelController.class, DashboardPages.class})
class BadFilterAdvice {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        String field = e.getMessage() == null ? "" : e.getMessage().split(":")[0];
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", e.getMessage())));
        return problem;
    }
}
