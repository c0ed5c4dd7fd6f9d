package dev.hone.analytics.loader;

import dev.hone.events.AnswerRecorded;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes answers to the ClickHouse {@code answers} table and reads back how far it got. */
@Component
class AnswerRows {

    private static final String INSERT = "INSERT INTO answers (event_id, learner_id, question_id, topic_id, kind, difficulty, "
            + "correct, score, chosen_options, response_ms, answered_at, recorded_at, kafka_partition, kafka_offset) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HIGHEST_OFFSETS = "SELECT kafka_partition, max(kafka_offset) FROM answers GROUP BY kafka_partition";

    private final DataSource clickHouse;

    AnswerRows(DataSource clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** One answer with where it came from in Kafka. */
    record Row(AnswerRecorded answer, int partition, long offset) {
    }

    /** Inserts the batch as one INSERT; ClickHouse acknowledges it whole or not at all. */
    void insert(List<Row> rows) throws SQLException {
        try (Connection c = clickHouse.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row row : rows) {
                AnswerRecorded a = row.answer();
                ps.setString(1, a.eventId());
                ps.setString(2, a.learnerId());
                ps.setString(3, a.questionId());
                ps.setString(4, a.topicId());
                ps.setString(5, a.kind());
                ps.setInt(6, a.difficulty());
                ps.setInt(7, a.correct() ? 1 : 0);
                ps.setFloat(8, (float) a.score());
                ps.setArray(9, c.createArrayOf("String", a.chosenOptions().toArray()));
                ps.setLong(10, a.responseMs());
                ps.setTimestamp(11, Timestamp.from(a.answeredAt()));
                ps.setTimestamp(12, Timestamp.from(a.recordedAt() != null ? a.recordedAt() : a.answeredAt()));
                ps.setInt(13, row.partition());
                ps.setLong(14, row.offset());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The highest Kafka offset stored per partition of hone.answers.v1. */
    Map<Integer, Long> highestOffsets() throws SQLException {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection c = clickHouse.getConnection(); PreparedStatement ps = c.prepareStatement(HIGHEST_OFFSETS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                offsets.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return offsets;
    }
}
