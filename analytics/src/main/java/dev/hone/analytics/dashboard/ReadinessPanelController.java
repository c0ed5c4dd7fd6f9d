package dev.hone.analytics.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The learner dashboard's readiness panel as JSON: {@code /api/v1/dashboards/learners/{id}/readiness?track=&from=&to=}. */
@RestController
class ReadinessPanelController {

    private final ReadinessPanel panel;
    private final DashboardSettings settings;

    ReadinessPanelController(ReadinessPanel panel, DashboardSettings settings) {
        this.panel = panel;
        this.settings = settings;
    }

    @GetMapping("/api/v1/dashboards/learners/{learnerId}/readiness")
    ReadinessPanel.View readiness(@PathVariable("learnerId") String learnerId, DashboardController.Query q) {
        return panel.of(learner(learnerId), filter(q));
    }

    /** The trend per week alone, without asking the recommender (the practice page reads the score from ingest). */
    @GetMapping("/api/v1/dashboards/learners/{learnerId}/readiness/weeks")
    ReadinessPanel.Trend weeks(@PathVariable("learnerId") String learnerId, DashboardController.Query q) {
        return panel.trend(learner(learnerId), filter(q));
    }

    private static String learner(String learnerId) {
        String id = DashboardFilter.id("learnerId", learnerId);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("learnerId: required");
        }
        return id;
    }

    private DashboardFilter filter(DashboardController.Query q) {
        return DashboardFilter.of(null, q.track(), q.from(), q.to(), settings.defaultRangeDays(), LocalDate.now(ZoneOffset.UTC));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        String field = e.getMessage() == null ? "" : e.getMessage().split(":")[0];
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", e.getMessage())));
        return problem;
    }
}
