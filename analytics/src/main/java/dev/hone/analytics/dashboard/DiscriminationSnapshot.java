package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.SqlFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Point-biserial discrimination of every question over the default range, recomputed in the
 * background every {@code hone.dashboards.discrimination-refresh}: over 10M answers the query
 * takes seconds (it groups by learner x question), so the default product dashboard reads this
 * snapshot and says how old it is; filtered views compute it live over their smaller subset.
 */
@Component
public class DiscriminationSnapshot {

    private static final Logger log = LoggerFactory.getLogger(DiscriminationSnapshot.class);
    private static final String REFRESH = SqlFile.load("dashboard/refresh_discrimination.sql")
            .replace("{discrimination.sql}", SqlFile.load("dashboard/discrimination.sql"));
    private static final String LATEST = SqlFile.load("dashboard/discrimination_snapshot.sql");

    private final NamedParameterJdbcTemplate clickHouse;
    private final DashboardSettings settings;

    DiscriminationSnapshot(NamedParameterJdbcTemplate clickHouse, DashboardSettings settings) {
        this.clickHouse = clickHouse;
        this.settings = settings;
    }

    record Latest(Instant computedAt, Map<String, Double> byQuestion) {
    }

    @Scheduled(initialDelayString = "${hone.dashboards.discrimination-first-refresh:30s}",
            fixedDelayString = "${hone.dashboards.discrimination-refresh:10m}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (DataAccessException e) {
            log.warn("discrimination snapshot not refreshed ({}); the next attempt follows in {}", e.getMessage(), settings.discriminationRefresh());
        }
    }

    /** Recomputes the snapshot for the default view (no cohort, no track, the last defaultRangeDays). */
    public void refresh() {
        var filter = DashboardFilter.of(null, null, null, null, settings.defaultRangeDays(), LocalDate.now(ZoneOffset.UTC));
        long started = System.nanoTime();
        clickHouse.update(REFRESH, filter.params().addValue("now", Instant.now().getEpochSecond()));
        log.info("discrimination snapshot refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The newest snapshot covering today's default range, or null when there is none (then it is computed live). */
    Latest latest() {
        var filter = DashboardFilter.of(null, null, null, null, settings.defaultRangeDays(), LocalDate.now(ZoneOffset.UTC));
        Map<Long, Map<String, Double>> byTime = new HashMap<>();
        clickHouse.query(LATEST, Map.of(), rs -> {
            if (rs.getString("range_from").equals(filter.weekStart().toString()) && rs.getString("range_to").equals(filter.weekEnd().toString())) {
                byTime.computeIfAbsent(rs.getLong("computed_at"), t -> new HashMap<>())
                        .put(rs.getString("question_id"), Rates.finite(rs.getDouble("discrimination")));
            }
        });
        return byTime.keySet().stream().max(Long::compare)
                .map(t -> new Latest(Instant.ofEpochSecond(t), byTime.get(t))).orElse(null);
    }
}
