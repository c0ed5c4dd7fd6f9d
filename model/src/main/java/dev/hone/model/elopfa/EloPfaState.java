package dev.hone.model.elopfa;

import dev.hone.model.LearnerState;
import dev.hone.model.internal.SkillSlots;
import java.util.Arrays;

/**
 * A learner's state in the production model. Per learner: total successes and failures, an online ability
 * (mean and variance). Per practised skill: successes, failures, a recency-weighted success sum, successes
 * and failures decayed with time, the time of the last answer, and an online skill ability (mean, variance).
 */
final class EloPfaState implements LearnerState {

    final SkillSlots slots = new SkillSlots(4);
    float totalSuccess;
    float totalFailure;
    /** Recency-weighted sum of all scores (see {@link #recent}). */
    float recentAll;
    float ability;
    float abilityVariance;
    long last = Long.MIN_VALUE;

    float[] success = new float[4];
    float[] failure = new float[4];
    /** Sum of scores weighted by {@code recencyDecay^(answers since)}; its denominator follows from the answer count. */
    float[] recent = new float[4];
    /** Successes and failures decayed by {@code exp(-elapsed / timescale)}, as of {@link #skillLast}. */
    float[] decayedSuccess = new float[4];
    float[] decayedFailure = new float[4];
    long[] skillLast = new long[4];
    float[] skillAbility = new float[4];
    float[] skillAbilityVariance = new float[4];

    EloPfaState(double abilityVariance) {
        this.abilityVariance = (float) abilityVariance;
    }

    int slot(int skill, double initialVariance) {
        int s = slots.find(skill);
        if (s < 0) {
            s = slots.add(skill);
            int cap = slots.capacity();
            if (success.length < cap) {
                success = Arrays.copyOf(success, cap);
                failure = Arrays.copyOf(failure, cap);
                recent = Arrays.copyOf(recent, cap);
                decayedSuccess = Arrays.copyOf(decayedSuccess, cap);
                decayedFailure = Arrays.copyOf(decayedFailure, cap);
                skillLast = Arrays.copyOf(skillLast, cap);
                skillAbility = Arrays.copyOf(skillAbility, cap);
                skillAbilityVariance = Arrays.copyOf(skillAbilityVariance, cap);
            }
            skillAbilityVariance[s] = (float) initialVariance;
        }
        return s;
    }

    @Override
    public int skillCount() {
        return slots.size();
    }

    @Override
    public long lastTimestamp() {
        return last;
    }
}
