package dev.hone.analytics.erasure;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.analytics.loader.ErasedLearners;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** How far a learner's erasure got in ClickHouse (see {@code sql/erasure/erasure_progress.sql}). */
@Component
class ErasureProgress {

    private static final String PROGRESS = SqlFile.load("erasure/erasure_progress.sql");

    private final NamedParameterJdbcTemplate clickHouse;

    ErasureProgress(NamedParameterJdbcTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * @param recorded the loader has recorded the erasure (it keeps nothing recorded before it)
     * @param rowsLeft rows of the learner the background DELETE mutations have still to remove
     * @param done     recorded and nothing left
     */
    record Progress(String learnerId, boolean recorded, long rowsLeft, boolean done) {
    }

    Progress of(String learnerId) {
        var params = new MapSqlParameterSource().addValue("learner", learnerId).addValue("hash", ErasedLearners.hash(learnerId));
        return clickHouse.queryForObject(PROGRESS, params, (rs, i) -> {
            boolean recorded = rs.getLong("recorded") > 0;
            long rowsLeft = rs.getLong("rows_left");
            return new Progress(learnerId, recorded, rowsLeft, recorded && rowsLeft == 0);
        });
    }
}
