package dev.hone.analytics.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/** Dashboards as JSON for coaches, product teams and learners. */
@RestController
@RequestMapping("/api/v1/dashboards")
class DashboardController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final LearnerDashboard learners;

    DashboardController(LearnerDashboard learners) {
        this.learners = learners;
    }

    @GetMapping("/learners/{learnerId}")
    LearnerDashboard.View learner(@PathVariable("learnerId") String learnerId) {
        if (!ID.matcher(learnerId).matches()) {
            throw new IllegalArgumentException("learnerId: must be 1-128 characters of letters, digits and . _ : @ -");
        }
        return learners.of(learnerId);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ProblemDetail unavailable(org.springframework.dao.DataAccessException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the analytics store is unavailable; retry shortly");
        problem.setTitle("Dashboard unavailable");
        return problem;
    }
}
