package dev.hone.model.baseline;

import dev.hone.model.LearnerState;
import dev.hone.model.internal.SkillSlots;
import java.util.Arrays;

/** Per skill: the (fractional) number of correct answers and of attempts. */
final class BaselineState implements LearnerState {

    final SkillSlots slots = new SkillSlots(4);
    float[] correct = new float[4];
    float[] attempts = new float[4];
    long last = Long.MIN_VALUE;

    int slot(int skill) {
        int s = slots.find(skill);
        if (s < 0) {
            s = slots.add(skill);
            if (correct.length < slots.capacity()) {
                correct = Arrays.copyOf(correct, slots.capacity());
                attempts = Arrays.copyOf(attempts, slots.capacity());
            }
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
