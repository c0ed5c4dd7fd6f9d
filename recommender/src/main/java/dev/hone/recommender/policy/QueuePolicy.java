package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.recommender.learner.LearnerState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a learner's next questions: topics from the weakest up, in each the unanswered
 * question whose difficulty best fits the learner's mastery, never one answered recently.
 * Plain Java: the same policy serves the topology, replays and the simulator.
 */
public final class QueuePolicy {

    private final Catalog catalog;

    public QueuePolicy(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<QueueItem> next(LearnerState state, int n) {
        List<Topic> ranked = catalog.topics().stream()
                .filter(t -> !catalog.questionsOf(t.id()).isEmpty())
                .sorted(Comparator.comparingDouble((Topic t) -> state.tally(t.id()).mastery()))
                .toList();
        Set<String> excluded = new HashSet<>(state.recentQuestions());
        List<QueueItem> queue = new ArrayList<>(n);
        // Round r offers one question from each of the r+1 weakest topics, so the weakest topic
        // leads and gets the most questions while the next ones fill in behind it.
        for (int round = 0; queue.size() < n; round++) {
            boolean added = false;
            for (int rank = 0; rank <= Math.min(round, ranked.size() - 1) && queue.size() < n; rank++) {
                Topic topic = ranked.get(rank);
                Question pick = bestFit(topic, state.tally(topic.id()).mastery(), excluded);
                if (pick != null) {
                    excluded.add(pick.id());
                    queue.add(new QueueItem(pick.id(), topic.id(), rank == 0 ? "weakest-topic" : "weak-topic", reason(state, topic, rank)));
                    added = true;
                }
            }
            if (!added && round >= ranked.size()) {
                break;
            }
        }
        return queue;
    }

    private Question bestFit(Topic topic, double mastery, Set<String> excluded) {
        double target = 1 + 4 * mastery;
        return catalog.questionsOf(topic.id()).stream()
                .filter(q -> !excluded.contains(q.id()))
                .min(Comparator.comparingDouble((Question q) -> Math.abs(q.difficulty() - target)).thenComparing(Question::id))
                .orElse(null);
    }

    private static String reason(LearnerState state, Topic topic, int rank) {
        var tally = state.tally(topic.id());
        if (tally.answers() == 0) {
            return "not practised yet: " + topic.name();
        }
        String mastery = String.format(Locale.ROOT, "%.2f", tally.mastery());
        return (rank == 0 ? "weakest topic: " : "weak topic: ") + topic.name() + " (mastery " + mastery + ")";
    }
}
