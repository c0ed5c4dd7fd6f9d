package dev.hone.model;

/**
 * One learner's state in one {@link LearnerModel}: small, fixed per skill, mutated in place by
 * {@link LearnerModel#update}. Each model has its own implementation; pass a state only to the model
 * that created it. Not thread-safe (a learner's answers are processed one at a time).
 */
public interface LearnerState {

    /** Number of skills this learner has practised. */
    int skillCount();

    /** Timestamp (epoch seconds) of the last answer learned from, or {@link Long#MIN_VALUE} if none. */
    long lastTimestamp();
}
