package dev.hone.model.bkt;

import dev.hone.model.LearnerState;
import dev.hone.model.internal.SkillSlots;
import java.util.Arrays;

/** Per skill: P(known) and the number of answers. */
final class BktState implements LearnerState {

    final SkillSlots slots = new SkillSlots(4);
    float[] known = new float[4];
    float[] attempts = new float[4];
    long last = Long.MIN_VALUE;

    int slot(int skill, double init) {
        int s = slots.find(skill);
        if (s < 0) {
            s = slots.add(skill);
            if (known.length < slots.capacity()) {
                known = Arrays.copyOf(known, slots.capacity());
                attempts = Arrays.copyOf(attempts, slots.capacity());
            }
            known[s] = (float) init;
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
