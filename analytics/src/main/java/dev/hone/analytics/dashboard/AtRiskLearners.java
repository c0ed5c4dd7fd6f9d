package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learners of a cohort who need a coach's attention, each with the reasons: inactive for
 * {@code inactiveDays}, accuracy falling between the previous and the recent period, or low
 * mastery in a core topic of their track (catalog weight at least {@code coreTopicWeight}).
 */
@Component
class AtRiskLearners {

    private static final String ACTIVITY = SqlFile.load("dashboard/cohort_activity.sql");
    private static final String MASTERY = SqlFile.load("dashboard/cohort_mastery.sql");
    private static final String LEARNERS = SqlFile.load("dashboard/cohort_learners.sql");

    private final NamedParameterJdbcTemplate clickHouse;
    private final Catalog catalog;
    private final DashboardSettings settings;
    private final Clock clock;

    AtRiskLearners(NamedParameterJdbcTemplate clickHouse, Catalog catalog, DashboardSettings settings) {
        this.clickHouse = clickHouse;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    record Row(String learnerId, String track, String reasons, Instant lastAnsweredAt, Long daysInactive,
               Double recentAccuracy, Double previousAccuracy, String weakCoreTopics) {
    }

    record View(String cohort, String track, List<Row> learners) implements Tabular {
        @Override
        public List<Row> rows() {
            return learners;
        }
    }

    private record Activity(Instant last, long recentAnswers, long recentCorrect, long previousAnswers, long previousCorrect) {
    }

    View of(DashboardFilter filter) {
        LocalDate today = LocalDate.now(clock);
        var params = filter.params()
                .addValue("recentFrom", today.minusDays(settings.trendDays()) + " 00:00:00")
                .addValue("previousFrom", today.minusDays(2L * settings.trendDays()) + " 00:00:00");
        Map<String, Activity> activity = new HashMap<>();
        clickHouse.query(ACTIVITY, params, rs -> {
            activity.put(rs.getString("learner_id"), new Activity(Instant.ofEpochSecond(rs.getLong("last_at")),
                    rs.getLong("recent_answers"), rs.getLong("recent_correct"), rs.getLong("previous_answers"), rs.getLong("previous_correct")));
        });
        Map<String, Map<String, Double>> mastery = new HashMap<>();
        clickHouse.query(MASTERY, params, rs -> {
            mastery.computeIfAbsent(rs.getString("learner_id"), l -> new HashMap<>()).put(rs.getString("topic_id"), rs.getDouble("mastery"));
        });
        List<Row> rows = new ArrayList<>();
        clickHouse.query(LEARNERS, params, rs -> {
            Row row = assess(rs.getString("learner_id"), rs.getString("track"), activity.get(rs.getString("learner_id")),
                    mastery.getOrDefault(rs.getString("learner_id"), Map.of()));
            if (row != null) {
                rows.add(row);
            }
        });
        return new View(filter.cohort(), filter.track(), rows);
    }

    private Row assess(String learnerId, String track, Activity a, Map<String, Double> mastery) {
        List<String> reasons = new ArrayList<>();
        Long days = a == null ? null : Duration.between(a.last(), clock.instant()).toDays();
        if (days == null || days >= settings.inactiveDays()) {
            reasons.add(days == null ? "no answers yet" : "inactive for " + days + " days");
        }
        Double recent = a == null ? null : Rates.share(a.recentCorrect(), a.recentAnswers());
        Double previous = a == null ? null : Rates.share(a.previousCorrect(), a.previousAnswers());
        if (a != null && a.recentAnswers() >= settings.minTrendAnswers() && a.previousAnswers() >= settings.minTrendAnswers()
                && previous - recent >= settings.fallingAccuracyDrop()) {
            reasons.add("accuracy fell from " + pct(previous) + " to " + pct(recent));
        }
        List<String> weak = catalog.topics().stream()
                .filter(t -> t.weightIn(track) >= settings.coreTopicWeight())
                .map(Topic::id)
                .filter(t -> mastery.containsKey(t) && mastery.get(t) < settings.lowMastery())
                .sorted().toList();
        if (!weak.isEmpty()) {
            reasons.add("low mastery in core topics of " + track + ": " + String.join(", ", weak));
        }
        if (reasons.isEmpty()) {
            return null;
        }
        return new Row(learnerId, track, String.join("; ", reasons), a == null ? null : a.last(), days, recent, previous, String.join(" ", weak));
    }

    private static String pct(double v) {
        return Math.round(v * 100) + "%";
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
