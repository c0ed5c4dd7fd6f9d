package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.events.AnswerRecorded;
import org.springframework.stereotype.Component;
import ru.yandex.clickhouse.domain.ClickHouseFormat;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Writes answers to the ClickHouse {@code answers} table and reads back how far it got. */
@Component
public class AnswerRows {

    private static final String INSERT = SqlFile.load("loader/insert_answers.sql");
    private static final String HIGHEST_OFFSETS = SqlFile.load("loader/answers_highest_offsets.sql");
    private static final String RECENT_IDS = SqlFile.load("loader/recent_event_ids.sql");

    private final DataSource clickHouse;

    public AnswerRows(DataSource clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** One answer with where it came from in Kafka. */
    public record Row(AnswerRecorded answer, int partition, long offset) {
    }

    /** An event id already stored, with its partition and the day it was answered (epoch day). */
    record StoredId(int partition, String eventId, long day) {
    }

    /** Inserts the rows as one streamed INSERT (see {@link #insert(AnswerBlock)}). */
    public void insert(List<Row> rows) throws SQLException {
        var block = new AnswerBlock();
        rows.forEach(r -> block.add(r.answer(), r.partition(), r.offset()));
        insert(block);
    }

    /**
     * Inserts the block as one streamed RowBinary INSERT; ClickHouse acknowledges it whole or not
     * at all. Each row carries its learner's track as {@code learners} holds it now (one look-up
     * per batch), so the track views count an answer for the track it was recorded in.
     */
    void insert(AnswerBlock block) throws SQLException {
        Map<String, String> tracks = LearnerTracks.current(clickHouse, block.learnerIds());
        StreamInsert.send(clickHouse, INSERT, block.withTracks(tracks), ClickHouseFormat.RowBinary);
    }

    /** The highest Kafka offset stored per partition of hone.answers.v1. */
    Map<Integer, Long> highestOffsets() throws SQLException {
        return StoredOffsets.highest(clickHouse, HIGHEST_OFFSETS);
    }

    /** Every event id answered since {@code since}, streamed to {@code sink}. */
    void recentEventIds(Instant since, Consumer<StoredId> sink) throws SQLException {
        try (Connection c = clickHouse.getConnection(); PreparedStatement ps = c.prepareStatement(RECENT_IDS)) {
            ps.setLong(1, since.getEpochSecond());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new StoredId(rs.getInt(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
    }
}
