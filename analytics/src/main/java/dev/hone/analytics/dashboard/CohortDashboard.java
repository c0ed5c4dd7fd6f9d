package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.SqlFile;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The coach dashboard: heat map learners x topics, trend per topic week over week, drill-down. */
@Component
class CohortDashboard {

    private static final String CELLS = SqlFile.load("dashboard/cohort_cells.sql");
    private static final String MASTERY = SqlFile.load("dashboard/cohort_mastery.sql");
    private static final String LEARNERS = SqlFile.load("dashboard/cohort_learners.sql");
    private static final String TREND = SqlFile.load("dashboard/cohort_trend.sql");
    private static final String DRILLDOWN = SqlFile.load("dashboard/drilldown.sql");

    private final NamedParameterJdbcTemplate clickHouse;

    CohortDashboard(NamedParameterJdbcTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    record Member(String learnerId, String track, String name) {
    }

    record Cell(String learnerId, String topicId, long answers, long correct, Double accuracy, Double mastery) {
    }

    record TrendRow(String topicId, String week, long answers, long correct, Double accuracy) {
    }

    record View(String cohort, String track, LocalDate from, LocalDate to, List<Member> learners, List<String> topics,
                List<Cell> cells, List<TrendRow> trend) implements Tabular {
        @Override
        public List<Cell> rows() {
            return cells;
        }
    }

    record AnswerRow(String eventId, String questionId, int difficulty, boolean correct, double score, String chosen,
                     long responseMs, Instant answeredAt) {
    }

    record Drilldown(String learnerId, String topicId, List<AnswerRow> answers) implements Tabular {
        @Override
        public List<AnswerRow> rows() {
            return answers;
        }
    }

    View of(DashboardFilter filter) {
        var params = filter.params();
        Map<String, Double> mastery = new HashMap<>();
        clickHouse.query(MASTERY, params, rs -> {
            mastery.put(rs.getString("learner_id") + "\n" + rs.getString("topic_id"), Rates.round(rs.getDouble("mastery")));
        });
        List<Cell> cells = clickHouse.query(CELLS, params, (rs, i) -> {
            String learner = rs.getString("learner_id");
            String topic = rs.getString("topic_id");
            long answers = rs.getLong("answers");
            long correct = rs.getLong("correct");
            return new Cell(learner, topic, answers, correct, Rates.share(correct, answers), mastery.get(learner + "\n" + topic));
        });
        List<Member> members = clickHouse.query(LEARNERS, params, (rs, i) ->
                new Member(rs.getString("learner_id"), rs.getString("track"), rs.getString("name")));
        List<TrendRow> trend = clickHouse.query(TREND, params, (rs, i) -> new TrendRow(rs.getString("topic_id"), rs.getString("week_start"),
                rs.getLong("answers"), rs.getLong("correct"), Rates.share(rs.getLong("correct"), rs.getLong("answers"))));
        var topics = new TreeSet<String>();
        cells.forEach(c -> topics.add(c.topicId()));
        return new View(filter.cohort(), filter.track(), filter.from(), filter.to(), members, List.copyOf(topics), cells, trend);
    }

    Drilldown answers(String learnerId, String topicId, DashboardFilter filter) {
        var params = filter.params().addValue("learner", learnerId).addValue("topic", topicId);
        return new Drilldown(learnerId, topicId, clickHouse.query(DRILLDOWN, params, (rs, i) -> new AnswerRow(rs.getString("event_id"),
                rs.getString("question_id"), rs.getInt("difficulty"), rs.getInt("correct") == 1, Rates.round(rs.getDouble("score")),
                rs.getString("chosen"), rs.getLong("response_ms"), Instant.ofEpochSecond(rs.getLong("answered_at")))));
    }
}
