package dev.hone.analytics.history;

import dev.hone.analytics.clickhouse.SqlFile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A learner's stored answers as ClickHouse holds them, newest first. */
@Component
class AnswerHistory {

    private static final String ANSWERS = SqlFile.load("history/learner_answers.sql");

    private final NamedParameterJdbcTemplate clickHouse;

    AnswerHistory(NamedParameterJdbcTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** One stored answer; {@code chosenOptions} is empty for code_output (its text is not kept in ClickHouse). */
    record Answer(String eventId, String questionId, String topicId, String kind, boolean correct, double score,
                  List<String> chosenOptions, long responseMs, Instant answeredAt, Instant recordedAt) {
    }

    List<Answer> of(String learnerId, int limit) {
        var params = new MapSqlParameterSource().addValue("learner", learnerId).addValue("limit", limit);
        return clickHouse.query(ANSWERS, params, (rs, i) -> new Answer(rs.getString("event_id"), rs.getString("question_id"),
                rs.getString("topic_id"), rs.getString("kind"), rs.getInt("correct") == 1, rs.getDouble("score"),
                strings(rs.getArray("chosen_options")), rs.getLong("response_ms"),
                Instant.ofEpochSecond(rs.getLong("answered_at")), Instant.ofEpochSecond(rs.getLong("recorded_at"))));
    }

    private static List<String> strings(Array array) throws SQLException {
        Object values = array.getArray();
        return values instanceof Object[] items ? Arrays.stream(items).map(String::valueOf).toList() : List.of();
    }
}
