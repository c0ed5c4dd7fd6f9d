package dev.hone.analytics.dashboard;

import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionOption;
import dev.hone.catalog.Topic;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product dashboard: per topic accuracy and median time by difficulty; per question the
 * proportion correct (p-value), point-biserial discrimination, median time and the share of
 * each option. Without a cohort it reads views kept by materialized views: the per-question
 * views, or with a track the per-track ones (an answer counts for the track its learner was in
 * when it was recorded); with a cohort, the answers of the cohort's learners.
 */
@Component
class ProductDashboard {

    private static final String DISCRIMINATION = SqlFile.load("dashboard/discrimination.sql");

    private final NamedParameterJdbcTemplate clickHouse;
    private final Catalog catalog;
    private final DiscriminationSnapshot snapshot;

    ProductDashboard(NamedParameterJdbcTemplate clickHouse, Catalog catalog, DiscriminationSnapshot snapshot) {
        this.clickHouse = clickHouse;
        this.catalog = catalog;
        this.snapshot = snapshot;
    }

    record TopicRow(String topicId, String topicName, int difficulty, long answers, long correct, Double accuracy, Double medianMs) {
    }

    record Topics(String cohort, String track, LocalDate from, LocalDate to, List<TopicRow> topics) implements Tabular {
        @Override
        public List<TopicRow> rows() {
            return topics;
        }
    }

    record OptionShare(String optionId, boolean key, long chosen, Double share) {
    }

    record QuestionRow(String questionId, String topicId, int difficulty, long answers, Double pValue, Double discrimination,
                       Double medianMs, List<OptionShare> options) {
    }

    /** {@code discriminationAsOf}: when the snapshot the discrimination comes from was computed; null when computed live. */
    record Questions(String cohort, String track, LocalDate from, LocalDate to, java.time.Instant discriminationAsOf,
                     List<QuestionRow> questions) implements Tabular {
        @Override
        public List<QuestionRow> rows() {
            return questions;
        }
    }

    /** The queries of one kind of filter: all answers, a track's (from views), a cohort's (from the answers). */
    private record Source(String topics, String questions, String options) {

        static final Source ALL = load("all");
        static final Source TRACK = load("track");
        static final Source COHORT = load("filtered");

        static Source of(DashboardFilter filter) {
            return filter.isUnfiltered() ? ALL : filter.cohort().isEmpty() ? TRACK : COHORT;
        }

        private static Source load(String suffix) {
            return new Source(SqlFile.load("dashboard/topics_" + suffix + ".sql"), SqlFile.load("dashboard/questions_" + suffix + ".sql"),
                    SqlFile.load("dashboard/options_" + suffix + ".sql"));
        }
    }

    Topics topics(DashboardFilter filter) {
        List<TopicRow> rows = clickHouse.query(Source.of(filter).topics(), filter.params(), (rs, i) -> {
            String id = rs.getString("topic_id");
            long answers = rs.getLong("answers");
            long correct = rs.getLong("correct");
            return new TopicRow(id, catalog.topic(id).map(Topic::name).orElse(id), rs.getInt("difficulty"), answers, correct,
                    Rates.share(correct, answers), Rates.finite(rs.getDouble("median_ms")));
        });
        return new Topics(filter.cohort(), filter.track(), filter.from(), filter.to(), rows);
    }

    Questions questions(DashboardFilter filter) {
        var params = filter.params();
        var source = Source.of(filter);
        // the snapshots cover the default range of all learners and of each track
        var latest = filter.defaultRange() && filter.cohort().isEmpty() ? snapshot.latest(filter.track()) : null;
        Map<String, Double> discrimination = new HashMap<>();
        if (latest != null) {
            discrimination.putAll(latest.byQuestion());
        } else {
            clickHouse.query(DISCRIMINATION, params, rs -> {
                discrimination.put(rs.getString("question_id"), Rates.finite(rs.getDouble("discrimination")));
            });
        }
        Map<String, Map<String, Long>> chosen = new HashMap<>();
        clickHouse.query(source.options(), params, rs -> {
            chosen.computeIfAbsent(rs.getString("question_id"), q -> new HashMap<>()).put(rs.getString("option_id"), rs.getLong("chosen"));
        });
        List<QuestionRow> rows = clickHouse.query(source.questions(), params, (rs, i) -> {
            String id = rs.getString("question_id");
            long answers = rs.getLong("answers");
            return new QuestionRow(id, rs.getString("topic_id"), rs.getInt("difficulty"), answers,
                    Rates.share(rs.getLong("correct"), answers), discrimination.get(id), Rates.finite(rs.getDouble("median_ms")),
                    options(id, answers, chosen.getOrDefault(id, Map.of())));
        });
        return new Questions(filter.cohort(), filter.track(), filter.from(), filter.to(), latest == null ? null : latest.computedAt(), rows);
    }

    /** Every option of the question in the bank (also those never chosen), else the ones seen. */
    private List<OptionShare> options(String questionId, long answers, Map<String, Long> chosen) {
        var shares = new ArrayList<OptionShare>();
        var question = catalog.question(questionId);
        List<String> keyed = question.map(q -> q.answer() == null ? List.<String>of() : q.answer().keyedOptionIds()).orElse(List.of());
        List<String> ids = question.filter(q -> q.kind().hasOptions()).map(q -> q.options().stream().map(QuestionOption::id).toList())
                .orElseGet(() -> chosen.keySet().stream().sorted().toList());
        for (String id : ids) {
            long n = chosen.getOrDefault(id, 0L);
            shares.add(new OptionShare(id, keyed.contains(id), n, Rates.share(n, answers)));
        }
        return shares;
    }

    static boolean hasOptions(Question q) {
        return q.kind().hasOptions();
    }
}
