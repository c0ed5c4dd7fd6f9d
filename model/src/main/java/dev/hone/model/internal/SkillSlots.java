package dev.hone.model.internal;

import java.util.Arrays;

/**
 * The skills a learner has practised, each at a slot index used by the state's parallel arrays. A learner
 * practises tens of skills, so a linear scan beats hashing and keeps the state small.
 */
public final class SkillSlots {

    private int[] skills;
    private int size;

    public SkillSlots(int capacity) {
        skills = new int[capacity];
    }

    /** The slot of {@code skill}, or -1. */
    public int find(int skill) {
        for (int i = 0; i < size; i++) {
            if (skills[i] == skill) {
                return i;
            }
        }
        return -1;
    }

    /** Appends a skill that {@link #find} did not find; returns its slot. Grow the parallel arrays to {@link #capacity()}. */
    public int add(int skill) {
        if (size == skills.length) {
            skills = Arrays.copyOf(skills, Math.max(4, size * 2));
        }
        skills[size] = skill;
        return size++;
    }

    public int skill(int slot) {
        return skills[slot];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return skills.length;
    }
}
