package dev.hone.analytics.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;

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
}
