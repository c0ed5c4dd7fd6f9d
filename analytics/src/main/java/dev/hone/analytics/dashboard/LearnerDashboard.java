package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.SqlFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The learner dashboard's data: answers and accuracy per topic. */
@Component
class LearnerDashboard {

    private static final String TOPICS = SqlFile.load("learner_topics.sql");

    private final JdbcTemplate clickHouse;

    LearnerDashboard(JdbcTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    record TopicRow(String topicId, long answers, long correct, double accuracy) {
    }

    record View(String learnerId, List<TopicRow> topics) {
    }

    View of(String learnerId) {
        List<TopicRow> topics = clickHouse.query(TOPICS, (rs, i) -> {
            long answers = rs.getLong("answers");
            long correct = rs.getLong("correct");
            return new TopicRow(rs.getString("topic_id"), answers, correct, answers == 0 ? 0 : (double) correct / answers);
        }, learnerId);
        return new View(learnerId, topics);
    }
}
