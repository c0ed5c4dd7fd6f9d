package dev.hone.recommender.policy;

import dev.hone.catalog.Topic;
import dev.hone.model.Mastery;

/**
 * One topic as the policy ranks it: how much it needs practice now, and why. {@code level} is the
 * mastery the policy acts on (the model's mean).
 */
record TopicPlan(Topic topic, double priority, Reason reason, String detail, Mastery mastery, double level) {

    TopicPlan as(Reason newReason, double newPriority, String newDetail) {
        return new TopicPlan(topic, newPriority, newReason, newDetail, mastery, level);
    }
}
