package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.SqlFile;
import ru.yandex.clickhouse.ClickHouseConnection;
import ru.yandex.clickhouse.ClickHouseExternalData;
import ru.yandex.clickhouse.ClickHouseStatement;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The track each learner is in when their answers are loaded, read from ClickHouse's
 * {@code learners} (which every instance's profile consumer fills, so any loader instance sees
 * every learner, whichever instance consumed their profile). Asked once per inserted batch.
 */
final class LearnerTracks {

    private static final String CURRENT = SqlFile.load("loader/learner_tracks.sql");

    private LearnerTracks() {
    }

    /** Learner id -> track for those with a profile; learners without one are absent. */
    static Map<String, String> current(DataSource clickHouse, Collection<String> learnerIds) throws SQLException {
        if (learnerIds.isEmpty()) {
            return Map.of();
        }
        var ids = new Tsv();
        learnerIds.forEach(id -> ids.text(id).end());
        var batch = new ClickHouseExternalData("batch_learners", new ByteArrayInputStream(ids.bytes()))
                .withStructure("learner_id String").withFormat("TabSeparated");
        Map<String, String> tracks = new HashMap<>();
        try (Connection c = clickHouse.getConnection();
             ClickHouseStatement st = c.unwrap(ClickHouseConnection.class).createStatement();
             ResultSet rs = st.executeQuery(CURRENT, Map.of(), List.of(batch))) {
            while (rs.next()) {
                tracks.put(rs.getString(1), rs.getString(2));
            }
        }
        return tracks;
    }
}
