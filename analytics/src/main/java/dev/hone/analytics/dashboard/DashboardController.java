package dev.hone.analytics.dashboard;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/** Dashboards as JSON, or as CSV with {@code ?format=csv}; filters: cohort, track, from, to. */
@RestController
@RequestMapping("/api/v1/dashboards")
class DashboardController {

    private final LearnerDashboard learners;
    private final CohortDashboard cohorts;
    private final AtRiskLearners atRisk;
    private final ProductDashboard product;
    private final FlaggedQuestions flagged;
    private final DashboardSettings settings;

    DashboardController(LearnerDashboard learners, CohortDashboard cohorts, AtRiskLearners atRisk, ProductDashboard product,
                        FlaggedQuestions flagged, DashboardSettings settings) {
        this.learners = learners;
        this.cohorts = cohorts;
        this.atRisk = atRisk;
        this.product = product;
        this.flagged = flagged;
        this.settings = settings;
    }

    /** The query parameters every dashboard accepts. */
    record Query(String cohort, String track, String from, String to, String format) {
    }

    @GetMapping("/learners/{learnerId}")
    ResponseEntity<?> learner(@PathVariable("learnerId") String learnerId, Query q) {
        String id = required("learnerId", learnerId);
        return answer(q, f -> learners.of(id, f), LearnerDashboard.TopicRow.class, "learner-" + id);
    }

    @GetMapping("/cohorts/{cohort}")
    ResponseEntity<?> cohort(@PathVariable("cohort") String cohort, Query q) {
        String id = required("cohort", cohort);
        return answer(withCohort(q, id), cohorts::of, CohortDashboard.Cell.class, "cohort-" + id);
    }

    @GetMapping("/cohorts/{cohort}/at-risk")
    ResponseEntity<?> atRisk(@PathVariable("cohort") String cohort, Query q) {
        String id = required("cohort", cohort);
        return answer(withCohort(q, id), atRisk::of, AtRiskLearners.Row.class, "at-risk-" + id);
    }

    @GetMapping("/cohorts/{cohort}/learners/{learnerId}/topics/{topicId}")
    ResponseEntity<?> drilldown(@PathVariable("cohort") String cohort, @PathVariable("learnerId") String learnerId,
                                @PathVariable("topicId") String topicId, Query q) {
        String learner = required("learnerId", learnerId);
        String topic = required("topicId", topicId);
        return answer(withCohort(q, required("cohort", cohort)), f -> cohorts.answers(learner, topic, f),
                CohortDashboard.AnswerRow.class, "answers-" + learner + "-" + topic);
    }

    @GetMapping("/topics")
    ResponseEntity<?> topics(Query q) {
        return answer(q, product::topics, ProductDashboard.TopicRow.class, "topics");
    }

    @GetMapping("/questions")
    ResponseEntity<?> questions(Query q) {
        return answer(q, product::questions, ProductDashboard.QuestionRow.class, "questions");
    }

    @GetMapping("/questions/flagged")
    ResponseEntity<?> flaggedQuestions(Query q) {
        return answer(q, flagged::of, FlaggedQuestions.Row.class, "flagged-questions");
    }

    private ResponseEntity<?> answer(Query q, Function<DashboardFilter, ? extends Tabular> view,
                                     Class<? extends Record> rowType, String name) {
        var filter = DashboardFilter.of(q.cohort(), q.track(), q.from(), q.to(), settings.defaultRangeDays(), LocalDate.now(ZoneOffset.UTC));
        Tabular data = view.apply(filter);
        if (q.format() == null || q.format().equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(data);
        }
        if (q.format().equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                    .body(Csv.of(rowType, data.rows()));
        }
        throw new IllegalArgumentException("format: must be json or csv");
    }

    private static Query withCohort(Query q, String cohort) {
        return new Query(cohort, q.track(), q.from(), q.to(), q.format());
    }

    private static String required(String field, String value) {
        String id = DashboardFilter.id(field, value);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return id;
    }
}
