package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Topic;
import dev.hone.model.Mastery;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.TopicTally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the topics of a learner's track: need (the gap to the mastery goal, weighted by the
 * track; the mastery lowered where the learner's answers fall below the model's predictions), reviews (mastery fell since the last practice), and prerequisites (a weak topic whose
 * prerequisites are not there passes its priority on to them and is held back).
 */
final class TopicPlanner {

    private static final long DAY = 86_400L;

    private final Catalog catalog;
    private final PolicySettings settings;

    TopicPlanner(Catalog catalog, PolicySettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** The topics to serve, highest priority first; topics held back by prerequisites are left out. */
    List<TopicPlan> rank(LearnerView learner) {
        String track = learner.state().track();
        boolean knownTrack = catalog.topics().stream().anyMatch(t -> t.weightIn(track) > 0);
        Map<String, Mastery> mastery = new HashMap<>();
        Map<String, Double> level = new HashMap<>();
        Map<String, TopicPlan> plans = new LinkedHashMap<>();
        for (Topic topic : catalog.topics()) {
            Mastery m = learner.masteryDetail(topic.id());
            mastery.put(topic.id(), m);
            level.put(topic.id(), level(learner, topic.id(), m, settings.offsetInRanking()));
        }
        for (Topic topic : catalog.topics()) {
            double weight = knownTrack ? topic.weightIn(track) : 1.0;
            double tilt = 1 - settings.weightInfluence() * (1 - weight);
            if (weight > 0 && !catalog.questionsOf(topic.id()).isEmpty()) {
                plans.put(topic.id(), plan(learner, topic, tilt, mastery.get(topic.id()), level.get(topic.id())));
            }
        }
        for (TopicPlan plan : List.copyOf(plans.values())) {
            if (plan.priority() > 0 && !eligible(learner, plan.topic(), level)) {
                promotePrerequisites(learner, plan.topic(), plan.topic(), plan.priority(), mastery, level, plans, 0);
            }
        }
        plans.values().removeIf(plan -> !eligible(learner, plan.topic(), level));
        List<TopicPlan> ranked = new ArrayList<>(plans.values());
        ranked.sort(Comparator.comparingDouble(TopicPlan::priority).reversed());
        if (!ranked.isEmpty() && ranked.get(0).reason() == Reason.WEAK) {
            ranked.set(0, ranked.get(0).as(Reason.WEAKEST, ranked.get(0).priority(), ranked.get(0).detail()));
        }
        return ranked;
    }

    /** The mastery the policy acts on. */
    private static double level(LearnerView learner, String topicId, Mastery m, double offsetShare) {
        // Only a negative offset counts: a topic the learner does worse on than the model expects moves up. A
        // positive one mostly reflects recent practice, which fades while the offset, without answers, stays:
        // letting it push a topic back held that topic back until it was forgotten (POLICY.md, "What was tried").
        double offset = offsetShare * Math.min(0, learner.state().tally(topicId).offset());
        return offset == 0 ? m.mean() : shift(m.mean(), offset);
    }

    /** A probability moved by {@code logits} on the logit scale. */
    static double shift(double p, double logits) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return 1 / (1 + Math.exp(-(Math.log(q / (1 - q)) + logits)));
    }

    private TopicPlan plan(LearnerView learner, Topic topic, double weight, Mastery m, double level) {
        TopicTally tally = learner.state().tally(topic.id());
        if (!trusted(learner, topic.id())) {
            // Little evidence: the model's estimate is mostly the learner's general ability.
            double gap = Math.max(0, settings.masteryGoal() - Math.min(level, settings.unknownMastery()));
            // Labelled "not practised" until trusted: calling it weak (with the prior's mastery) would mislead.
            return new TopicPlan(topic, weight * gap, Reason.NOT_PRACTISED, "", m, level);
        }
        double gap = settings.masteryGoal() - level;
        if (gap <= 0) {
            // Above the goal the order is reversed: a topic the track needs less waits longer.
            return new TopicPlan(topic, gap / weight, Reason.MAINTAIN, "", m, level);
        }
        if (tally.hasLastPractice() && learner.epochSeconds() > tally.lastEpochSeconds()) {
            double then = learner.masteryDetailAt(topic.id(), tally.lastEpochSeconds()).mean();
            if (then - m.mean() >= settings.reviewDrop()) {
                return new TopicPlan(topic, weight * gap, Reason.REVIEW, ago(learner.epochSeconds() - tally.lastEpochSeconds()), m, level);
            }
        }
        return new TopicPlan(topic, weight * gap, Reason.WEAK, "", m, level);
    }

    private boolean trusted(LearnerView learner, String topicId) {
        return learner.state().tally(topicId).answers() >= settings.minEvidence() || learner.informed(topicId);
    }

    /** Prerequisites met, or the learner already shows the topic itself. */
    private boolean eligible(LearnerView learner, Topic topic, Map<String, Double> level) {
        if (shows(learner, topic, level)) {
            return true;
        }
        return topic.prerequisites().stream().allMatch(p -> met(learner, p, topic.id(), level));
    }

    private boolean shows(LearnerView learner, Topic topic, Map<String, Double> level) {
        return learner.state().tally(topic.id()).answers() >= settings.showEvidence()
                && level.get(topic.id()) >= settings.prerequisiteThreshold();
    }

    /**
     * A prerequisite is met when it has been practised enough to trust its estimate, and that estimate
     * reaches the threshold or at least the dependant's own: the model's scale moves with the learner's
     * general ability, so a fixed threshold alone would hold a weak learner on prerequisites for ever.
     */
    private boolean met(LearnerView learner, String prerequisite, String dependant, Map<String, Double> level) {
        Double m = level.get(prerequisite);
        return m == null || (trusted(learner, prerequisite)
                && (m >= settings.prerequisiteThreshold() || m >= level.get(dependant) + settings.prerequisiteMargin()));
    }

    /** Hands a held-back topic's priority to its unmet prerequisites, down to ones the learner can start. */
    private void promotePrerequisites(LearnerView learner, Topic dependant, Topic topic, double priority,
                                      Map<String, Mastery> mastery, Map<String, Double> level, Map<String, TopicPlan> plans, int depth) {
        for (String id : topic.prerequisites()) {
            Topic prerequisite = catalog.topic(id).orElse(null);
            if (prerequisite == null || met(learner, id, topic.id(), level) || depth > catalog.topics().size()) {
                continue;
            }
            TopicPlan current = plans.get(id);
            if (current == null && !catalog.questionsOf(id).isEmpty()) {
                current = new TopicPlan(prerequisite, 0, Reason.PREREQUISITE, dependant.name(), mastery.get(id), level.get(id));
            }
            if (current != null && current.priority() < priority) {
                plans.put(id, current.as(Reason.PREREQUISITE, priority, dependant.name()));
            } else if (current != null && !plans.containsKey(id)) {
                plans.put(id, current);
            }
            if (!eligible(learner, prerequisite, level)) {
                promotePrerequisites(learner, dependant, prerequisite, priority, mastery, level, plans, depth + 1);
            }
        }
    }

    private static String ago(long seconds) {
        long days = seconds / DAY;
        if (days >= 1) {
            return days == 1 ? "1 day ago" : days + " days ago";
        }
        long hours = seconds / 3600;
        return hours == 1 ? "1 hour ago" : hours >= 1 ? hours + " hours ago" : "less than an hour ago";
    }
}
