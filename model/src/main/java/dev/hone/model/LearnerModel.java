package dev.hone.model;

import dev.hone.model.item.ItemEstimate;

/**
 * A knowledge-tracing model: predicts whether a learner answers an item correctly, then learns from
 * the answer, one answer at a time, in time proportional to the item's skills.
 *
 * <p>Time comes only from the answers' timestamps (epoch seconds), never from a clock, so a replay is
 * deterministic. Per-learner state ({@link LearnerState}) and per-item calibration ({@link ItemEstimate},
 * global, shared by all learners) are kept apart so that a streaming application can store them in
 * different places: the caller fetches the item's estimate, calls {@link #update}, and hands the returned
 * prediction to {@link #calibrate} wherever the item's estimate lives.
 *
 * <p>Skills are dense ints from a {@link IdIndex} shared with the model; a serialised state refers to
 * skills by those ints, so the index must be stable (append-only) for as long as states are kept.
 * Implementations are not thread-safe unless stated.
 */
public interface LearnerModel {

    /** The registry name, see {@link LearnerModels}. */
    String name();

    /** A state for a learner with no answers yet. */
    LearnerState newState();

    /**
     * The probability that this learner answers the item correctly at {@code timestampSeconds}.
     * Does not change the state.
     */
    double predict(LearnerState state, ItemEstimate item, int[] skills, long timestampSeconds);

    /**
     * Learns from one answer and returns the prediction made just before learning (the value
     * {@link #predict} would have returned), to be passed to {@link #calibrate}.
     *
     * @param score 1 for correct, 0 for wrong, or partial credit in between
     */
    double update(LearnerState state, ItemEstimate item, int[] skills, double score, long timestampSeconds);

    /** Updates the item's global calibration from one answer; models without item parameters ignore it. */
    default void calibrate(ItemEstimate item, double predicted, double score) {
    }

    /** The learner's mastery of one skill at a given time (forgetting applies up to that time). */
    Mastery mastery(LearnerState state, int skill, long timestampSeconds);

    /** A compact binary form of the state, for a key-value store. */
    byte[] serialise(LearnerState state);

    /** The inverse of {@link #serialise}. */
    LearnerState deserialise(byte[] bytes);

    /**
     * Whether a state read back from {@link #serialise} reads exactly as the state itself (its stored form rounds
     * nothing; a NaN may come back as the canonical NaN): a caller may then go on with the state it updated instead of
     * decoding what it stored, and get the same predictions, mastery and later updates as a reader of the stored form.
     * False unless a model guarantees it.
     */
    default boolean serialisesExactly() {
        return false;
    }
}
