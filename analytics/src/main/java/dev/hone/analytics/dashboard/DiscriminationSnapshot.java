package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.ClickHouseSettings;
import dev.hone.analytics.clickhouse.SqlFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Point-biserial discrimination of every question over the default range, for all learners and
 * for each track, recomputed in the background every {@code hone.dashboards.discrimination-refresh}:
 * over 10M answers each query takes seconds (it groups by learner x question), so the product
 * dashboard over the default range, unfiltered or filtered by a track, reads these snapshots and
 * says how old they are; views with a cohort or explicit dates compute it live over their subset.
 */
@Component
public class DiscriminationSnapshot {

    private static final Logger log = LoggerFactory.getLogger(DiscriminationSnapshot.class);
    private static final Snapshot ALL = new Snapshot("all learners", SqlFile.load("dashboard/refresh_discrimination.sql")
            .replace("{discrimination.sql}", SqlFile.load("dashboard/discrimination.sql")));
    private static final Snapshot TRACKS = new Snapshot("per track", SqlFile.load("dashboard/refresh_track_discrimination.sql")
            .replace("{discrimination_by_track.sql}", SqlFile.load("dashboard/discrimination_by_track.sql")));
    private static final String LATEST = SqlFile.load("dashboard/discrimination_snapshot.sql");
    private static final String LATEST_OF_TRACK = SqlFile.load("dashboard/track_discrimination_snapshot.sql");

    private final NamedParameterJdbcTemplate clickHouse;
    /** Its own connections, with the longer discriminationTimeout: the dashboards' pool keeps the short one. */
    private final NamedParameterJdbcTemplate background;
    private final DashboardSettings settings;

    DiscriminationSnapshot(NamedParameterJdbcTemplate clickHouse, ClickHouseSettings clickHouseSettings, DashboardSettings settings) {
        this.clickHouse = clickHouse;
        this.background = new NamedParameterJdbcTemplate(new DriverManagerDataSource(
                clickHouseSettings.jdbcUrl(clickHouseSettings.database(), settings.discriminationTimeout()),
                clickHouseSettings.user(), clickHouseSettings.password()));
        this.settings = settings;
    }

    record Latest(Instant computedAt, Map<String, Double> byQuestion) {
    }

    private record Snapshot(String name, String refreshSql) {
    }

    /** Each snapshot on its own: one that fails (ClickHouse busy or away) does not keep the other stale. */
    @Scheduled(initialDelayString = "${hone.dashboards.discrimination-first-refresh:30s}",
            fixedDelayString = "${hone.dashboards.discrimination-refresh:10m}")
    void scheduledRefresh() {
        for (Snapshot snapshot : List.of(ALL, TRACKS)) {
            try {
                refresh(snapshot);
            } catch (DataAccessException e) {
                log.warn("discrimination snapshot ({}) not refreshed ({}); the next attempt follows in {}", snapshot.name(), e.getMessage(),
                        settings.discriminationRefresh());
            }
        }
    }

    /** Recomputes the snapshots for the default range (no cohort, no dates): all learners, then every track. */
    public void refresh() {
        refresh(ALL);
        refresh(TRACKS);
    }

    private void refresh(Snapshot snapshot) {
        long started = System.nanoTime();
        background.update(snapshot.refreshSql(), defaultRange().params().addValue("now", Instant.now().getEpochSecond()));
        log.info("discrimination snapshot ({}) refreshed in {} ms", snapshot.name(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The newest snapshot covering today's default range, of all learners ({@code track} empty)
     * or of one track; null when there is none (then it is computed live).
     */
    Latest latest(String track) {
        var range = defaultRange();
        Map<Long, Map<String, Double>> byTime = new HashMap<>();
        clickHouse.query(track.isEmpty() ? LATEST : LATEST_OF_TRACK, Map.of("track", track), rs -> {
            if (rs.getString("range_from").equals(range.weekStart().toString()) && rs.getString("range_to").equals(range.weekEnd().toString())) {
                byTime.computeIfAbsent(rs.getLong("computed_at"), t -> new HashMap<>())
                        .put(rs.getString("question_id"), Rates.finite(rs.getDouble("discrimination")));
            }
        });
        return byTime.keySet().stream().max(Long::compare)
                .map(t -> new Latest(Instant.ofEpochSecond(t), byTime.get(t))).orElse(null);
    }

    private DashboardFilter defaultRange() {
        return DashboardFilter.of(null, null, null, null, settings.defaultRangeDays(), LocalDate.now(ZoneOffset.UTC));
    }
}
