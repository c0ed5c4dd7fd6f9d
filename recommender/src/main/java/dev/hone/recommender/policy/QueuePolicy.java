package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.recommender.learner.LearnerView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a learner's next questions: topics from the weakest up (the learner model's mastery,
 * forgetting included), in each the question whose predicted success is closest to the
 * target, never one answered recently. Plain Java: the same policy serves the topology's API,
 * replays and the simulator.
 */
public final class QueuePolicy {

    /** Predicted success the policy aims for: hard enough to learn from, easy enough to keep going. */
    public static final double DEFAULT_TARGET = 0.75;

    private final Catalog catalog;
    private final double target;

    public QueuePolicy(Catalog catalog) {
        this(catalog, DEFAULT_TARGET);
    }

    public QueuePolicy(Catalog catalog, double target) {
        this.catalog = catalog;
        this.target = target;
    }

    public List<QueueItem> next(LearnerView learner, int n) {
        List<Topic> ranked = catalog.topics().stream()
                .filter(t -> !catalog.questionsOf(t.id()).isEmpty())
                .sorted(Comparator.comparingDouble((Topic t) -> learner.mastery(t.id())))
                .toList();
        Set<String> excluded = new HashSet<>(learner.state().recentQuestions());
        List<QueueItem> queue = new ArrayList<>(n);
        // Round r offers one question from each of the r+1 weakest topics, so the weakest topic
        // leads and gets the most questions while the next ones fill in behind it.
        for (int round = 0; queue.size() < n; round++) {
            boolean added = false;
            for (int rank = 0; rank <= Math.min(round, ranked.size() - 1) && queue.size() < n; rank++) {
                Topic topic = ranked.get(rank);
                Question pick = bestFit(learner, topic, excluded);
                if (pick != null) {
                    excluded.add(pick.id());
                    queue.add(new QueueItem(pick.id(), topic.id(), reasonCode(learner, topic, rank), reason(learner, topic, rank)));
                    added = true;
                }
            }
            if (!added && round >= ranked.size()) {
                break;
            }
        }
        return queue;
    }

    private Question bestFit(LearnerView learner, Topic topic, Set<String> excluded) {
        return catalog.questionsOf(topic.id()).stream()
                .filter(q -> !excluded.contains(q.id()))
                .min(Comparator.comparingDouble((Question q) -> Math.abs(learner.predict(q) - target)).thenComparing(Question::id))
                .orElse(null);
    }

    private static String reasonCode(LearnerView learner, Topic topic, int rank) {
        if (learner.state().tally(topic.id()).answers() == 0) {
            return "not-practised";
        }
        return rank == 0 ? "weakest-topic" : "weak-topic";
    }

    private static String reason(LearnerView learner, Topic topic, int rank) {
        if (learner.state().tally(topic.id()).answers() == 0) {
            return "not practised yet: " + topic.name();
        }
        String mastery = String.format(Locale.ROOT, "%.2f", learner.mastery(topic.id()));
        return (rank == 0 ? "weakest topic: " : "weak topic: ") + topic.name() + " (mastery " + mastery + ")";
    }
}
