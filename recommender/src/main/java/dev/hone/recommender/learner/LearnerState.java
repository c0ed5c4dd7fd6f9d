package dev.hone.recommender.learner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the recommender keeps per learner: the learner model's state (opaque bytes, written by
 * the model library), a tally of answers per topic, the questions answered last (no immediate
 * repeats) and the event ids seen last (a resent answer changes nothing).
 */
public record LearnerState(byte[] model, Map<String, TopicTally> topics, List<String> recentQuestions,
                           List<String> recentEventIds) {

    /** How many answered questions the queue keeps away from. */
    public static final int RECENT_QUESTIONS = 20;
    /** How many event ids are remembered to drop client resends. */
    public static final int RECENT_EVENTS = 256;

    public LearnerState {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        recentQuestions = recentQuestions == null ? List.of() : List.copyOf(recentQuestions);
        recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    }

    public static LearnerState empty() {
        return new LearnerState(null, Map.of(), List.of(), List.of());
    }

    public boolean hasSeen(String eventId) {
        return recentEventIds.contains(eventId);
    }

    public TopicTally tally(String topicId) {
        return topics.getOrDefault(topicId, TopicTally.EMPTY);
    }

    /** The state after one more answer touching {@code skills}, with the model's new state. */
    LearnerState withAnswer(byte[] nextModel, String eventId, String questionId, List<String> skills, double score, boolean correct) {
        Map<String, TopicTally> next = new LinkedHashMap<>(topics);
        for (String skill : skills) {
            next.put(skill, tally(skill).plus(score, correct));
        }
        return new LearnerState(nextModel, next, appendBounded(recentQuestions, questionId, RECENT_QUESTIONS),
                appendBounded(recentEventIds, eventId, RECENT_EVENTS));
    }

    private static List<String> appendBounded(List<String> list, String item, int max) {
        List<String> out = new ArrayList<>(Math.min(list.size() + 1, max));
        int from = Math.max(0, list.size() + 1 - max);
        out.addAll(list.subList(from, list.size()));
        out.add(item);
        return out;
    }
}
