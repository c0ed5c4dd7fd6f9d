package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.events.AnswerRecorded;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

    /**
     * Inserts the rows as one streamed INSERT; ClickHouse acknowledges it whole or not at all.
     * Each row carries its learner's track as {@code learners} holds it now (one look-up per
     * batch), so the track views count an answer for the track it was recorded in.
     */
    public void insert(List<Row> rows) throws SQLException {
        Map<String, String> tracks = LearnerTracks.current(clickHouse, rows.stream().map(r -> r.answer().learnerId()).collect(Collectors.toSet()));
        var tsv = new Tsv();
        for (Row row : rows) {
            AnswerRecorded a = row.answer();
            Instant recorded = a.recordedAt() != null ? a.recordedAt() : a.answeredAt();
            tsv.text(a.eventId()).text(a.learnerId()).text(tracks.getOrDefault(a.learnerId(), "")).text(a.questionId()).text(a.topicId()).text(a.kind())
                    .number(a.difficulty()).number(a.correct() ? 1 : 0).decimal(a.score()).array(a.chosenOptions())
                    .number(Math.max(0, Math.min(a.responseMs(), 0xFFFF_FFFFL))).time(a.answeredAt()).time(recorded)
                    .number(row.partition()).number(row.offset()).end();
        }
        StreamInsert.send(clickHouse, INSERT, tsv);
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
