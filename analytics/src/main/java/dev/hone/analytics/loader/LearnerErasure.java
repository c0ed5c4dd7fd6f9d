package dev.hone.analytics.loader;

import dev.hone.analytics.clickhouse.ClickHouseSettings;
import dev.hone.analytics.clickhouse.SqlFile;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Records the erasure (so the loader stores nothing more of the learner recorded before it), then
 * deletes the learner's rows from every table that names them ({@code ALTER TABLE ... DELETE}, a
 * mutation ClickHouse applies in the background). The per-question aggregates hold no learner
 * id and keep the erased learner's anonymous contribution.
 */
@Component
public class LearnerErasure {

    private static final List<String> DELETES = SqlFile.statements("loader/erase_learner.sql");
    private static final List<String> CLUSTER_DELETES = SqlFile.statements("loader/erase_learner_cluster.sql");

    private final DataSource clickHouse;
    private final ErasedLearners erased;
    private final List<String> deletes;

    LearnerErasure(DataSource clickHouse, ErasedLearners erased, ClickHouseSettings settings) {
        this.clickHouse = clickHouse;
        this.erased = erased;
        // on a cluster the mutations go to the replicated local tables: a Distributed table takes no DELETE
        this.deletes = (settings.onCluster() ? CLUSTER_DELETES : DELETES).stream()
                .map(sql -> sql.replace("${database}", settings.database()).replace("${cluster}", settings.cluster())).toList();
    }

    /** Erases the learner as of {@code at}, the time of the tombstone; safe to repeat. */
    public void erase(String learnerId, Instant at) throws SQLException {
        erased.record(learnerId, at);
        try (Connection c = clickHouse.getConnection()) {
            for (String sql : deletes) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, learnerId);
                    ps.execute();
                }
            }
        }
    }
}
