package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.events.MasteryChanged;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Writes mastery changes to the ClickHouse {@code mastery} table and reads back how far it got. */
@Component
class MasteryRows {

    private static final String INSERT = SqlFile.load("loader/insert_mastery.sql");
    private static final String HIGHEST_OFFSETS = SqlFile.load("loader/mastery_highest_offsets.sql");

    private final DataSource clickHouse;

    MasteryRows(DataSource clickHouse) {
        this.clickHouse = clickHouse;
    }

    record Row(MasteryChanged change, int partition, long offset) {
    }

    void insert(List<Row> rows) throws SQLException {
        var tsv = new Tsv();
        for (Row row : rows) {
            MasteryChanged m = row.change();
            tsv.text(m.learnerId()).text(m.topicId()).decimal(m.mastery()).number(m.answers()).number(m.correct())
                    .text(m.causedBy()).time(m.at()).number(row.partition()).number(row.offset()).end();
        }
        StreamInsert.send(clickHouse, INSERT, tsv);
    }

    Map<Integer, Long> highestOffsets() throws SQLException {
        return StoredOffsets.highest(clickHouse, HIGHEST_OFFSETS);
    }
}
