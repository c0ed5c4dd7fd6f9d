package dev.hone.recommender.policy;

import dev.hone.catalog.Topic;
import dev.hone.model.Mastery;

/** One topic as the policy ranks it: how much it needs practice now, and why. */
record TopicPlan(Topic topic, double priority, Reason reason, String detail, Mastery mastery) {

    TopicPlan as(Reason newReason, double newPriority, String newDetail) {
        return new TopicPlan(topic, newPriority, newReason, newDetail, mastery);
    }
}
