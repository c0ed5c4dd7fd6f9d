package dev.hone.analytics.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dashboard pages: static HTML that draws the JSON of {@link DashboardController} with Chart.js (a WebJar). */
@Controller
class DashboardPages {

    @GetMapping("/dashboards/learner/{learnerId}")
    String learner(@PathVariable("learnerId") String learnerId) {
        DashboardFilter.id("learnerId", learnerId);
        return "forward:/dashboards/learner.html";
    }

    @GetMapping("/dashboards/cohort/{cohort}")
    String cohort(@PathVariable("cohort") String cohort) {
        DashboardFilter.id("cohort", cohort);
        return "forward:/dashboards/cohort.html";
    }

    @GetMapping("/dashboards/product")
    String product() {
        return "forward:/dashboards/product.html";
    }
}
