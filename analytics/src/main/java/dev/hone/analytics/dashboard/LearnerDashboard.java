package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** The learner dashboard: mastery and accuracy per topic (weakest first), trend per week, what to practise next. */
@Component
class LearnerDashboard {

    private static final String TOPICS = SqlFile.load("dashboard/learner_topics.sql");
    private static final String WEEKS = SqlFile.load("dashboard/learner_weeks.sql");

    private final NamedParameterJdbcTemplate clickHouse;
    private final Catalog catalog;
    private final DashboardSettings settings;

    LearnerDashboard(NamedParameterJdbcTemplate clickHouse, Catalog catalog, DashboardSettings settings) {
        this.clickHouse = clickHouse;
        this.catalog = catalog;
        this.settings = settings;
    }

    record TopicRow(String topicId, String topicName, long answers, long correct, Double accuracy, Double mastery,
                    long timeSpentMs, Instant lastAnsweredAt) {
    }

    record WeekRow(String week, long answers, long correct, Double accuracy, long timeSpentMs) {
    }

    record View(String learnerId, LocalDate from, LocalDate to, long answers, long timeSpentMs, Double accuracy,
                List<TopicRow> topics, List<WeekRow> weeks, List<String> practiseNext, String queueUrl) implements Tabular {
        @Override
        public List<TopicRow> rows() {
            return topics;
        }
    }

    View of(String learnerId, DashboardFilter filter) {
        var params = filter.params().addValue("learner", learnerId);
        List<TopicRow> topics = clickHouse.query(TOPICS, params, (rs, i) -> {
            long answers = rs.getLong("answers");
            long correct = rs.getLong("correct");
            Double mastery = rs.getInt("known") == 1 ? Rates.round(rs.getDouble("mastery")) : null;
            String id = rs.getString("topic_id");
            return new TopicRow(id, catalog.topic(id).map(Topic::name).orElse(id), answers, correct, Rates.share(correct, answers),
                    mastery, rs.getLong("time_ms"), Instant.ofEpochSecond(rs.getLong("last_at")));
        }).stream().sorted(Comparator.comparingDouble(LearnerDashboard::weakness).thenComparing(TopicRow::topicId)).toList();
        List<WeekRow> weeks = clickHouse.query(WEEKS, params, (rs, i) -> new WeekRow(rs.getString("week_start"),
                rs.getLong("answers"), rs.getLong("correct"), Rates.share(rs.getLong("correct"), rs.getLong("answers")), rs.getLong("time_ms")));
        long answers = topics.stream().mapToLong(TopicRow::answers).sum();
        long correct = topics.stream().mapToLong(TopicRow::correct).sum();
        long time = topics.stream().mapToLong(TopicRow::timeSpentMs).sum();
        List<String> next = topics.stream().limit(3).map(TopicRow::topicId).toList();
        return new View(learnerId, filter.from(), filter.to(), answers, time, Rates.share(correct, answers), topics, weeks, next,
                settings.queueUrl().replace("{id}", learnerId));
    }

    /** Mastery where the recommender has an estimate, else accuracy: lower is weaker. */
    private static double weakness(TopicRow row) {
        if (row.mastery() != null) {
            return row.mastery();
        }
        return row.accuracy() == null ? 1 : row.accuracy();
    }
}
