package dev.hone.analytics.loader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** How far a table got: the highest Kafka offset it holds per partition (the exactly-once resume point). */
final class StoredOffsets {

    private StoredOffsets() {
    }

    /** Runs {@code sql}, which returns rows of (partition, highest offset). */
    static Map<Integer, Long> highest(DataSource clickHouse, String sql) throws SQLException {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection c = clickHouse.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                offsets.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return offsets;
    }
}
