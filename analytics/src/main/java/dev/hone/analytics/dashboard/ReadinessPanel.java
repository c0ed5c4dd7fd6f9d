package dev.hone.analytics.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;
import dev.hone.security.ServiceClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner dashboard's readiness panel. The current score, its interval and the three topics worth most
 * per hour come from the recommender ({@code /api/v1/learners/{id}/readiness}): the model and its uncertainty
 * (and a placement's estimates) live there, so the panel shows the very number the learner API gives. The
 * trend over weeks is computed here from the mastery rows in ClickHouse (the recommender keeps no history):
 * at each week, the track-weighted mean of every topic's last mastery so far, a topic not practised yet
 * counted at the prior the score starts from ({@link WeeklyReadiness}). The trend is therefore an approximation
 * of the score (no uncertainty, no placement estimates), which the page says.
 */
@Component
class ReadinessPanel {

    private static final Logger log = LoggerFactory.getLogger(ReadinessPanel.class);
    private static final String WEEKS = SqlFile.load("dashboard/readiness_weeks.sql");
    private static final String TRACK = SqlFile.load("dashboard/learner_track.sql");

    private final NamedParameterJdbcTemplate clickHouse;
    private final Catalog catalog;
    private final ReadinessSettings settings;
    private final RestClient recommender;

    ReadinessPanel(NamedParameterJdbcTemplate clickHouse, Catalog catalog, ReadinessSettings settings, RestClient.Builder http) {
        this.clickHouse = clickHouse;
        this.catalog = catalog;
        this.settings = settings;
        this.recommender = ServiceClients.forCaller(http, settings.recommenderUrl(), settings.timeout());
    }

    record BestTopic(String topicId, String name, double mastery, double gainPerHour, String practiceUrl) {
    }

    record Current(double score, double low, double high, boolean placed, List<BestTopic> bestTopics) {
    }

    record Week(String week, double readiness, int topicsPractised) {
    }

    /** {@code current} is null (and {@code currentError} says why) when the recommender does not answer. */
    record View(String learnerId, String track, Current current, String currentError, List<Week> weeks) {
    }

    /** The trend alone (the practice page's panel: it has the current score from ingest already). */
    record Trend(String learnerId, String track, List<Week> weeks) {
    }

    Trend trend(String learnerId, DashboardFilter filter) {
        String track = track(learnerId, filter);
        return new Trend(learnerId, track, weeks(learnerId, track, filter));
    }

    View of(String learnerId, DashboardFilter filter) {
        String track = track(learnerId, filter);
        Current current = null;
        String error = null;
        try {
            current = current(learnerId, track);
        } catch (RestClientException e) {
            log.debug("readiness of {} not available from the recommender: {}", learnerId, e.getMessage());
            error = "the recommender did not answer; the trend below comes from the analytics store";
        }
        return new View(learnerId, track, current, error, weeks(learnerId, track, filter));
    }

    private String track(String learnerId, DashboardFilter filter) {
        if (!filter.track().isEmpty()) {
            return filter.track();
        }
        List<String> tracks = clickHouse.query(TRACK, filter.params().addValue("learner", learnerId), (rs, i) -> rs.getString("track"));
        String track = tracks.isEmpty() ? "" : tracks.get(0);
        return track == null || track.isBlank() || !catalog.hasTrack(track) ? "general" : track;
    }

    private Current current(String learnerId, String track) {
        JsonNode body = recommender.get().uri("/api/v1/learners/{id}/readiness?track={track}", learnerId, track)
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        if (body == null) {
            throw new RestClientException("empty readiness");
        }
        List<BestTopic> best = new ArrayList<>();
        body.path("bestTopics").forEach(t -> best.add(new BestTopic(t.path("topicId").asText(), t.path("name").asText(),
                t.path("mastery").asDouble(), t.path("gainPerHour").asDouble(),
                settings.practiceUrl().replace("{topic}", t.path("topicId").asText()))));
        return new Current(body.path("score").asDouble(), body.path("low").asDouble(), body.path("high").asDouble(),
                body.path("placed").asBoolean(), best);
    }

    private List<Week> weeks(String learnerId, String track, DashboardFilter filter) {
        Map<String, Double> weights = new HashMap<>();
        for (Topic t : catalog.topics()) {
            if (t.weightIn(track) > 0 && !catalog.questionsOf(t.id()).isEmpty()) {
                weights.put(t.id(), t.weightIn(track));
            }
        }
        record Row(String week, String topic, double mastery) {
        }
        List<Row> rows = clickHouse.query(WEEKS, filter.params().addValue("learner", learnerId),
                (rs, i) -> new Row(rs.getString("week_start"), rs.getString("topic_id"), rs.getDouble("last_mastery")));
        Map<String, Double> latest = new HashMap<>();
        List<Week> weeks = new ArrayList<>();
        int next = 0;
        for (LocalDate week = filter.weekStart(); week.isBefore(filter.weekEnd()); week = week.plusWeeks(1)) {
            String end = week.plusWeeks(1).toString();
            while (next < rows.size() && rows.get(next).week().compareTo(end) < 0) {
                latest.put(rows.get(next).topic(), rows.get(next).mastery());
                next++;
            }
            if (latest.keySet().stream().anyMatch(weights::containsKey)) {
                weeks.add(new Week(week.toString(), WeeklyReadiness.of(weights, latest), (int) latest.keySet().stream().filter(weights::containsKey).count()));
            }
        }
        return weeks;
    }
}
