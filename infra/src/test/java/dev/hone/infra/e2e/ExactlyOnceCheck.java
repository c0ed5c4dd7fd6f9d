package dev.hone.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.catalog.Catalog;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.ItemStatistics;
import dev.hone.events.MasteryChanged;
import dev.hone.events.Topics;
import dev.hone.testkit.TestTokens;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * The exactly-once verdict for one scenario's learners (ids starting with a prefix):
 * ClickHouse holds each accepted answer once and nothing else, and each learner's mastery in the
 * recommender equals an offline replay of the same events from hone.answers.v1 through the model
 * library (every distinct event once, in the partition's order).
 */
final class ExactlyOnceCheck {

    private static final double TOLERANCE = 1e-9;
    /** Longer than the learner side's item flush interval (1 s) and a commit. */
    private static final Duration ITEMS_QUIET = Duration.ofSeconds(3);

    private final FaultStack stack;
    private final HttpJson http;
    private final LearnerEngine engine = new LearnerEngines(LearnerEngines.loadParams(""), "elo-pfa", Catalog.bundled()).create();

    ExactlyOnceCheck(FaultStack stack, HttpJson http) {
        this.stack = stack;
        this.http = http;
    }

    /** Verdict on ClickHouse and mastery; {@code accepted} are the event ids ingest answered 202 for. */
    Verdict verify(String prefix, Set<String> accepted, Duration settle) {
        return verify(prefix, accepted, settle, Set.of());
    }

    /** As {@link #verify(String, Set, Duration)}, leaving out the learners in {@code except} (erased ones). */
    Verdict verify(String prefix, Set<String> accepted, Duration settle, Set<String> except) {
        Instant deadline = Instant.now().plus(settle);
        Map<String, List<AnswerRecorded>> events = eventsOf(prefix);
        events.keySet().removeAll(except);
        Set<String> inTopic = new HashSet<>();
        events.values().forEach(list -> list.forEach(a -> inTopic.add(a.eventId())));
        long lostBeforeKafka = accepted.stream().filter(id -> !inTopic.contains(id)).count();

        String where = " FROM " + stack.database + ".answers WHERE startsWith(learner_id, '" + prefix + "')"
                + (except.isEmpty() ? "" : " AND learner_id NOT IN ('" + String.join("','", except) + "')");
        try {
            await("ClickHouse holds the accepted answers").atMost(remaining(deadline)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count("SELECT uniqExact(event_id)" + where) >= inTopic.size());
        } catch (ConditionTimeoutException e) {
            // counted below as missing rows
        }
        long rows = count("SELECT count()" + where);
        long distinct = count("SELECT uniqExact(event_id)" + where);
        Set<String> stored = new HashSet<>(List.of(http.clickHouse(stack.clickHouse.httpUrl(), "SELECT DISTINCT event_id" + where).split("\n")));
        stored.remove("");
        long missing = inTopic.stream().filter(id -> !stored.contains(id)).count();
        long foreign = stored.stream().filter(id -> !inTopic.contains(id)).count();
        long doubled = rows - distinct;

        Map<String, Replayed> expected = new LinkedHashMap<>();
        events.forEach((learner, list) -> expected.put(learner, replay(list)));
        Map<String, String> differences = new LinkedHashMap<>();
        expected.forEach((learner, replayed) -> {
            String d = stateDifference(learner, replayed, deadline);
            if (d != null) {
                differences.put(learner, d);
            }
        });
        // the mastery changes are committed with the state; read them until they agree or time is up
        Map<String, String> emittedDifferences = new LinkedHashMap<>();
        try {
            await().atMost(remaining(deadline)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                emittedDifferences.clear();
                Map<String, MasteryChanged> emitted = lastEmitted(prefix);
                expected.forEach((learner, replayed) -> {
                    String d = differences.containsKey(learner) ? null : emittedDifference(learner, replayed, emitted);
                    if (d != null) {
                        emittedDifferences.put(learner, d);
                    }
                });
                return emittedDifferences.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // what still differs is counted below
        }
        differences.putAll(emittedDifferences);
        long masteryMismatches = differences.size();
        List<String> wrongLearners = differences.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        return new Verdict(rows, lostBeforeKafka + missing + foreign + doubled + masteryMismatches,
                String.format("lost %d, missing %d, foreign %d, doubled %d, mastery %d%s", lostBeforeKafka, missing, foreign, doubled,
                        masteryMismatches, wrongLearners.isEmpty() ? "" : " " + wrongLearners.subList(0, Math.min(3, wrongLearners.size()))));
    }

    record Verdict(long inClickHouse, long mismatches, String detail) {
    }

    /**
     * The answers the item statistics count, summed over every question's latest record on hone.items.v1, once the
     * sum has stopped moving (two reads longer than the learner side's item flush interval apart agree).
     */
    long itemAnswersSettled(Duration within) {
        long[] last = {-1};
        await("the item statistics settle").atMost(within).pollInterval(ITEMS_QUIET).until(() -> {
            long now = itemAnswers();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /**
     * {@code verdict}, with one more mismatch unless the item statistics count exactly {@code accepted} answers more
     * than {@code before} (each accepted answer once in its question's statistics: none lost, none twice).
     */
    Verdict withItems(Verdict verdict, long before, long accepted, Duration settle) {
        long expected = before + accepted;
        try {
            await("the item statistics count the scenario's answers").atMost(settle).pollInterval(Duration.ofMillis(500))
                    .until(() -> itemAnswers() >= expected);
        } catch (ConditionTimeoutException e) {
            // counted below
        }
        long counted = itemAnswersSettled(settle);
        String detail = verdict.detail() + ", item statistics " + (counted - before) + " of " + accepted;
        return new Verdict(verdict.inClickHouse(), verdict.mismatches() + (counted == expected ? 0 : 1), detail);
    }

    private long itemAnswers() {
        Map<String, ItemStatistics> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(stack.kafka.bootstrap(), Topics.ITEMS_NAME)) {
            latest.put(r.key(), Topics.ITEMS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        }
        return latest.values().stream().mapToLong(ItemStatistics::attempts).sum();
    }

    /** The scenario's answer events per learner, in the order the recommender reads them. */
    Map<String, List<AnswerRecorded>> eventsOf(String prefix) {
        Map<String, List<AnswerRecorded>> byLearner = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(stack.kafka.bootstrap(), Topics.ANSWERS_NAME)) {
            if (r.key() == null || !r.key().startsWith(prefix)) {
                continue;
            }
            AnswerRecorded a;
            try {
                a = Topics.ANSWERS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            } catch (RuntimeException poison) {
                continue; // the DLQ's business
            }
            if (a != null && a.schema() == AnswerRecorded.SCHEMA) {
                byLearner.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(a);
            }
        }
        return byLearner;
    }

    /** The replay's final state and, per topic, the mastery change its last answer there emitted. */
    record Replayed(LearnerState state, Map<String, MasteryChanged> lastMastery) {
    }

    /** Every distinct event once, in order, as the recommender's learner processor applies them. */
    Replayed replay(List<AnswerRecorded> answers) {
        LearnerState state = LearnerState.empty();
        Set<String> seen = new HashSet<>();
        Map<String, MasteryChanged> last = new HashMap<>();
        for (AnswerRecorded a : answers) {
            if (seen.add(a.eventId())) {
                long at = a.answeredAt().getEpochSecond();
                state = engine.apply(state, a.eventId(), a.questionId(), a.skills(), a.difficulty(), a.score(), a.correct(), at);
                for (String skill : a.skills()) {
                    var tally = state.tally(skill);
                    last.put(skill, new MasteryChanged(MasteryChanged.SCHEMA, a.learnerId(), skill, engine.mastery(state, skill, at).mean(),
                            tally.answers(), tally.correct(), a.eventId(), a.answeredAt()));
                }
            }
        }
        return new Replayed(state, last);
    }

    /**
     * Null when the recommender's state of the learner holds the replay's answers per topic, else
     * how it differs. Mastery itself is compared on the changes emitted ({@link #emittedDifference}):
     * each is evaluated at its answer's time, so the comparison does not depend on the clock.
     */
    private String stateDifference(String learner, Replayed expected, Instant deadline) {
        long expectedAnswers = expected.state().topics().values().stream().mapToLong(t -> t.answers()).sum();
        try {
            await().atMost(remaining(deadline)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> answersIn(mastery(learner)) >= expectedAnswers);
        } catch (ConditionTimeoutException e) {
            return "the recommender holds fewer answers than the " + expectedAnswers + " sent";
        }
        JsonNode topics = mastery(learner).path("topics");
        if (topics.size() != expected.state().topics().size()) {
            return topics.size() + " topics instead of " + expected.state().topics().keySet();
        }
        for (JsonNode t : topics) {
            String topic = t.path("topicId").asText();
            var tally = expected.state().topics().get(topic);
            if (tally == null || tally.answers() != t.path("answers").asLong()) {
                return topic + " has " + t.path("answers").asLong() + " answers instead of " + (tally == null ? 0 : tally.answers());
            }
        }
        return null;
    }

    private static String emittedDifference(String learner, Replayed expected, Map<String, MasteryChanged> emitted) {
        for (var last : expected.lastMastery().entrySet()) {
            MasteryChanged got = emitted.get(learner + "/" + last.getKey());
            if (got == null || got.answers() != last.getValue().answers()
                    || Math.abs(got.mastery() - last.getValue().mastery()) > TOLERANCE) {
                return last.getKey() + ": last emitted " + (got == null ? "nothing" : got.mastery() + " after " + got.answers())
                        + " instead of " + last.getValue().mastery() + " after " + last.getValue().answers();
            }
        }
        return null;
    }

    /** What is left of the scenario's settle time, at least 2 s (a last look after a slow step). */
    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : left;
    }

    /** The last mastery change hone.mastery.v1 holds per learner/topic of the scenario. */
    private Map<String, MasteryChanged> lastEmitted(String prefix) {
        Map<String, MasteryChanged> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(stack.kafka.bootstrap(), Topics.MASTERY_NAME)) {
            if (r.key() != null && r.key().startsWith(prefix)) {
                MasteryChanged m = Topics.MASTERY.valueSerde().deserializer().deserialize(r.topic(), r.value());
                last.put(m.learnerId() + "/" + m.topicId(), m);
            }
        }
        return last;
    }

    private JsonNode mastery(String learner) {
        var reply = http.get(stack.url("recommender-2") + "/api/v1/learners/" + learner + "/mastery", TestTokens.admin());
        if (reply.status() != 200) {
            throw new IllegalStateException("mastery of " + learner + ": " + reply.status());
        }
        return reply.body();
    }

    private static long answersIn(JsonNode mastery) {
        long sum = 0;
        for (JsonNode t : mastery.path("topics")) {
            sum += t.path("answers").asLong();
        }
        return sum;
    }

    private long count(String sql) {
        try {
            return Long.parseLong(http.clickHouse(stack.clickHouse.httpUrl(), sql));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
