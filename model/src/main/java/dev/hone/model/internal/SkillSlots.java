package dev.hone.model.internal;

import java.util.Arrays;

/**
 * The skills a learner has practised, each at a slot index used by the state's parallel arrays. Up to
 * {@value #SCAN} skills a linear scan is fastest; beyond that a small open-addressing table (not
 * serialised, rebuilt as slots are added) keeps lookups constant-time for learners with many skills.
 */
public final class SkillSlots {

    private static final int SCAN = 8;

    private int[] skills;
    private int size;
    private int[] table;

    public SkillSlots(int capacity) {
        skills = new int[capacity];
    }

    /** The slot of {@code skill}, or -1. */
    public int find(int skill) {
        if (table == null) {
            for (int i = 0; i < size; i++) {
                if (skills[i] == skill) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int h = mix(skill) & mask; ; h = (h + 1) & mask) {
            int entry = table[h];
            if (entry == 0) {
                return -1;
            }
            if (skills[entry - 1] == skill) {
                return entry - 1;
            }
        }
    }

    /** Appends a skill that {@link #find} did not find; returns its slot. Grow the parallel arrays to {@link #capacity()}. */
    public int add(int skill) {
        if (size == skills.length) {
            skills = Arrays.copyOf(skills, Math.max(4, size * 2));
        }
        skills[size] = skill;
        int slot = size++;
        if (size > SCAN) {
            if (table == null || size * 2 > table.length) {
                table = new int[Integer.highestOneBit(size * 4)];
                for (int i = 0; i < size; i++) {
                    insert(i);
                }
            } else {
                insert(slot);
            }
        }
        return slot;
    }

    private void insert(int slot) {
        int mask = table.length - 1;
        int h = mix(skills[slot]) & mask;
        while (table[h] != 0) {
            h = (h + 1) & mask;
        }
        table[h] = slot + 1;
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
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
