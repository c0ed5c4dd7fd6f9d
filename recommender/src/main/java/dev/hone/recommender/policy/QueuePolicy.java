package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.Topic;
import dev.hone.model.Mastery;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.TopicTally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a learner's next questions. Topics come ranked by {@link TopicPlanner} (weakest in the
 * track first, weighted by the track; reviews of forgotten topics; prerequisites before their
 * dependants); the top topic leads and the next ones fill in behind it, at most
 * {@code maxPerTopic} each. In each topic the question whose predicted success is nearest the
 * target is taken, never one answered recently, and runs of one kind are broken. A share of
 * slots explores the topic whose estimate is most uncertain; the draw is seeded by the settings'
 * seed, the learner's answer count and the view's time, so a queue is reproducible. Plain Java:
 * the same policy serves the API and the simulator.
 */
public final class QueuePolicy {

    /** Predicted success the policy aims for by default. */
    public static final double DEFAULT_TARGET = PolicySettings.DEFAULT_TARGET;

    private final Catalog catalog;
    private final PolicySettings settings;
    private final TopicPlanner planner;

    public QueuePolicy(Catalog catalog) {
        this(catalog, PolicySettings.defaults());
    }

    public QueuePolicy(Catalog catalog, double target) {
        this(catalog, PolicySettings.defaults().withTargetSuccess(target));
    }

    public QueuePolicy(Catalog catalog, PolicySettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.planner = new TopicPlanner(catalog, settings);
    }

    public PolicySettings settings() {
        return settings;
    }

    public List<QueueItem> next(LearnerView learner, int n) {
        List<TopicPlan> ranked = planner.rank(learner);
        Set<String> excluded = new HashSet<>(learner.state().recentQuestions());
        Map<String, Integer> perTopic = new HashMap<>();
        List<QueueItem> queue = new ArrayList<>(n);
        List<QuestionKind> kinds = new ArrayList<>(n);
        SplittableRandom random = new SplittableRandom(seed(learner));
        Rounds rounds = new Rounds(ranked.size(), settings.maxPerTopic());
        while (queue.size() < n && !ranked.isEmpty()) {
            // One draw per slot: the exploration rate is the share of the queue's slots, not of the
            // attempts the rounds make on topics that already have their share.
            if (random.nextDouble() < settings.explorationRate() && explore(learner, ranked, excluded, perTopic, queue, kinds)) {
                continue;
            }
            if (!fillSlot(learner, ranked, rounds, excluded, perTopic, queue, kinds)) {
                break;
            }
        }
        return queue;
    }

    /**
     * The next questions of one topic the learner chose (the queue's topic filter: the practice page's
     * "practise this topic"), picked within the topic as {@link #next} picks them. A topic whose every
     * question was answered recently serves those again, the longest ago first, rather than nothing: the
     * learner asked for this topic.
     */
    public List<QueueItem> nextIn(LearnerView learner, Topic topic, int n) {
        Mastery m = learner.masteryDetail(topic.id());
        TopicPlan plan = new TopicPlan(topic, 1, Reason.CHOSEN, "", m, m.mean());
        String text = reasonText(plan);
        List<String> recent = learner.state().recentQuestions(); // oldest first
        Set<String> excluded = new HashSet<>(recent);
        Map<String, Integer> perTopic = new HashMap<>();
        List<QueueItem> queue = new ArrayList<>(n);
        List<QuestionKind> kinds = new ArrayList<>(n);
        while (queue.size() < n && add(learner, plan, plan.reason().code(), text, excluded, perTopic, queue, kinds)) {
            // add() takes the best question left each time
        }
        for (String old : recent) {
            if (queue.size() >= n) {
                break;
            }
            catalog.question(old).filter(q -> q.topic().equals(topic.id()) && queue.stream().noneMatch(i -> i.questionId().equals(old)))
                    .ifPresent(q -> queue.add(new QueueItem(q.id(), topic.id(), plan.reason().code(), text + "; asked again: "
                            + "every question of this topic was answered recently", learner.predict(q))));
        }
        return queue;
    }

    /**
     * Where the rounds stand: round {@code r} offers one question from each of the {@code r+1} top topics, so
     * the top topic leads and gets the most questions while the next ones fill in behind it.
     */
    private static final class Rounds {
        private final int topics;
        private int cap;
        private int round;
        private int rank;

        Rounds(int topics, int cap) {
            this.topics = topics;
            this.cap = cap;
        }

        void advance() {
            if (++rank > Math.min(round, topics - 1)) {
                rank = 0;
                round++;
            }
        }
    }

    /** Adds the next question the rounds offer; false when no topic has a question left. */
    private boolean fillSlot(LearnerView learner, List<TopicPlan> ranked, Rounds rounds, Set<String> excluded,
                             Map<String, Integer> perTopic, List<QueueItem> queue, List<QuestionKind> kinds) {
        int idle = 0;
        while (true) {
            TopicPlan plan = ranked.get(rounds.rank);
            boolean added = perTopic.getOrDefault(plan.topic().id(), 0) < rounds.cap
                    && add(learner, plan, reasonCode(plan), reasonText(plan), excluded, perTopic, queue, kinds);
            rounds.advance();
            if (added) {
                return true;
            }
            if (++idle > ranked.size() + rounds.round) {
                if (rounds.cap == Integer.MAX_VALUE) {
                    return false;
                }
                rounds.cap = Integer.MAX_VALUE; // few topics left: let them take more than their share
                idle = 0;
            }
        }
    }

    private boolean explore(LearnerView learner, List<TopicPlan> ranked, Set<String> excluded, Map<String, Integer> perTopic,
                            List<QueueItem> queue, List<QuestionKind> kinds) {
        TopicPlan uncertain = ranked.stream()
                .filter(p -> !perTopic.containsKey(p.topic().id()) && p.mastery().sd() >= settings.explorationMinSd())
                .max(Comparator.comparingDouble((TopicPlan p) -> p.mastery().sd()))
                .orElse(null);
        if (uncertain == null) {
            return false;
        }
        String text = String.format(Locale.ROOT, "explore: %s (mastery %.2f, uncertain: %.2f to %.2f)", uncertain.topic().name(),
                uncertain.mastery().mean(), uncertain.mastery().low(), uncertain.mastery().high());
        return add(learner, uncertain, Reason.EXPLORE.code(), text, excluded, perTopic, queue, kinds);
    }

    private boolean add(LearnerView learner, TopicPlan plan, String code, String text, Set<String> excluded,
                        Map<String, Integer> perTopic, List<QueueItem> queue, List<QuestionKind> kinds) {
        Question best = null;
        double bestScore = Double.MAX_VALUE;
        double bestP = Double.NaN;
        double correction = settings.residualCorrection() * learner.state().tally(plan.topic().id()).recentResidual();
        for (Question q : catalog.questionsOf(plan.topic().id())) {
            if (excluded.contains(q.id())) {
                continue;
            }
            double p = Math.max(0, Math.min(1, learner.predict(q) + correction));
            double score = Math.abs(p - settings.targetSuccess()) + (breaksMix(kinds, q.kind()) ? settings.kindPenalty() : 0);
            if (score < bestScore || (score == bestScore && q.id().compareTo(best.id()) < 0)) {
                best = q;
                bestScore = score;
                bestP = p;
            }
        }
        if (best == null) {
            return false;
        }
        excluded.add(best.id());
        perTopic.merge(plan.topic().id(), 1, Integer::sum);
        kinds.add(best.kind());
        queue.add(new QueueItem(best.id(), plan.topic().id(), code, text, bestP));
        return true;
    }

    /** Whether one more question of {@code kind} would make a run longer than the limit. */
    private boolean breaksMix(List<QuestionKind> kinds, QuestionKind kind) {
        int limit = settings.kindRunLimit();
        if (kinds.size() < limit) {
            return false;
        }
        for (int i = kinds.size() - limit; i < kinds.size(); i++) {
            if (kinds.get(i) != kind) {
                return false;
            }
        }
        return true;
    }

    private long seed(LearnerView learner) {
        long answers = learner.state().topics().values().stream().mapToLong(TopicTally::answers).sum();
        long h = settings.seed() * 0x9E3779B97F4A7C15L + learner.epochSeconds();
        return h * 31 + answers;
    }

    private static String reasonCode(TopicPlan plan) {
        return plan.reason().code();
    }

    private static String reasonText(TopicPlan plan) {
        String name = plan.topic().name();
        // The model's mastery as the API shows it, and the level the policy acted on when the topic's
        // offset moved it, so the sentence never hides why the order differs from /mastery.
        String mastery = String.format(Locale.ROOT, "%.2f", plan.mastery().mean());
        String level = String.format(Locale.ROOT, "%.2f", plan.level());
        if (!level.equals(mastery)) {
            mastery += "; " + level + " from your answers on it";
        }
        return switch (plan.reason()) {
            case WEAKEST -> "weakest topic in your track: " + name + " (mastery " + mastery + ")";
            case WEAK -> "weak topic in your track: " + name + " (mastery " + mastery + ")";
            case NOT_PRACTISED -> "not practised yet: " + name;
            case REVIEW -> "review: " + name + " last practised " + plan.detail();
            case PREREQUISITE -> "prerequisite for " + plan.detail();
            case EXPLORE -> "explore: " + name;
            case MAINTAIN -> "keep in practice: " + name + " (mastery " + mastery + ")";
            case CHOSEN -> "you chose to practise " + name; // no mastery: the readiness panel that offered it may read another view
        };
    }
}
