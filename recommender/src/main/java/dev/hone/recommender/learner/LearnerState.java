package dev.hone.recommender.learner;

import java.util.List;
import java.util.Map;

/**
 * What the recommender keeps per learner: the learner model's state (opaque bytes, written by
 * the model library), a tally of answers per topic (with when each topic was last practised),
 * the questions answered last (no immediate repeats), the event ids seen last (a resent answer
 * changes nothing), the learner's track and cohort (the cohort decides which coaches may read the
 * learner). Stored as JSON: a state written before a component existed reads with its default
 * (track "general", last practice 0 = unknown, no cohort).
 *
 * <p>{@code placement} holds the learner's first {@link #PLACEMENT_LOG} answers (question and score),
 * from which the placement ({@code recommender.placement}) is replayed; it is null for a learner who
 * answered before placement existed, whose first answers are not known any more.
 */
public record LearnerState(byte[] model, Map<String, TopicTally> topics, List<String> recentQuestions,
                           List<String> recentEventIds, String track, String cohort, List<PlacedAnswer> placement) {

    /** How many answered questions the queue keeps away from. */
    public static final int RECENT_QUESTIONS = 20;
    /** How many event ids are remembered to drop client resends. */
    public static final int RECENT_EVENTS = 256;

    /** How many first answers are kept for the placement: the most a placement may ask. */
    public static final int PLACEMENT_LOG = 50;

    /** The track of a learner whose profile names none. */
    public static final String DEFAULT_TRACK = "general";

    public LearnerState {
        track = track == null || track.isBlank() ? DEFAULT_TRACK : track;
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        recentQuestions = recentQuestions == null ? List.of() : List.copyOf(recentQuestions);
        recentEventIds = recentEventIds == null ? RecentEventIds.EMPTY : RecentEventIds.of(recentEventIds);
        placement = placement == null ? null : List.copyOf(placement);
    }

    public LearnerState(byte[] model, Map<String, TopicTally> topics, List<String> recentQuestions, List<String> recentEventIds,
                        String track) {
        this(model, topics, recentQuestions, recentEventIds, track, null, null);
    }

    public LearnerState(byte[] model, Map<String, TopicTally> topics, List<String> recentQuestions, List<String> recentEventIds) {
        this(model, topics, recentQuestions, recentEventIds, DEFAULT_TRACK);
    }

    public static LearnerState empty() {
        return new LearnerState(null, Map.of(), List.of(), List.of(), DEFAULT_TRACK, null, List.of());
    }

    /** The same learner preparing for another track (from the learner's profile). */
    public LearnerState withTrack(String trackId) {
        return new LearnerState(model, topics, recentQuestions, recentEventIds, trackId, cohort, placement);
    }

    /** The learner moved to another cohort (from the learner's profile; null: in none). */
    public LearnerState withCohort(String cohortId) {
        return new LearnerState(model, topics, recentQuestions, recentEventIds, track, cohortId, placement);
    }

    public boolean hasSeen(String eventId) {
        return recentEventIds.contains(eventId);
    }

    public TopicTally tally(String topicId) {
        return topics.getOrDefault(topicId, TopicTally.EMPTY);
    }

    /** The state after one more answer touching {@code skills}, with the model's new state and its prediction before the answer. */
    LearnerState withAnswer(byte[] nextModel, String eventId, String questionId, List<String> skills, double score,
                            boolean correct, long epochSeconds, double predicted) {
        // built immutable here, so that the canonical constructor's copyOf keeps them instead of copying again
        return new LearnerState(nextModel, topicsAfter(skills, score, correct, epochSeconds, predicted),
                appendBounded(recentQuestions, questionId, RECENT_QUESTIONS),
                RecentEventIds.of(recentEventIds).append(eventId, RECENT_EVENTS), track, cohort, placementAfter(questionId, score));
    }

    /** The tallies with the answer's topics moved on, as an immutable map built from its entries at once. */
    @SuppressWarnings("unchecked")
    private Map<String, TopicTally> topicsAfter(List<String> skills, double score, boolean correct, long epochSeconds,
                                                double predicted) {
        Map.Entry<String, TopicTally>[] entries = new Map.Entry[topics.size() + skills.size()];
        int n = 0;
        for (Map.Entry<String, TopicTally> e : topics.entrySet()) {
            if (!skills.contains(e.getKey())) {
                entries[n++] = e;
            }
        }
        for (int i = 0; i < skills.size(); i++) {
            String skill = skills.get(i);
            if (skills.indexOf(skill) == i) { // a topic named twice counts once, as a map's put did
                entries[n++] = Map.entry(skill, tally(skill).plus(score, correct, epochSeconds, predicted));
            }
        }
        return Map.ofEntries(n == entries.length ? entries : java.util.Arrays.copyOf(entries, n));
    }

    /** The first answers are logged for the placement; a learner with answers but no log predates it. */
    private List<PlacedAnswer> placementAfter(String questionId, double score) {
        List<PlacedAnswer> log = placement != null ? placement : topics.isEmpty() ? List.of() : null;
        if (log == null || log.size() >= PLACEMENT_LOG) {
            return log;
        }
        PlacedAnswer[] out = log.toArray(new PlacedAnswer[log.size() + 1]);
        out[log.size()] = new PlacedAnswer(questionId, score);
        return List.of(out);
    }

    private static List<String> appendBounded(List<String> list, String item, int max) {
        int keep = Math.min(list.size(), max - 1);
        String[] out = new String[keep + 1];
        for (int i = 0; i < keep; i++) {
            out[i] = list.get(list.size() - keep + i);
        }
        out[keep] = item;
        return List.of(out);
    }
}
