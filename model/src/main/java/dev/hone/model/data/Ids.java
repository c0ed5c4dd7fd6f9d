package dev.hone.model.data;

import dev.hone.model.IdIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The id spaces of an interaction log: learners, items, skills, and the distinct skill lists seen in the
 * {@code skill_ids} column (so that a row's skills are an already-built array). Share one instance
 * between the training and the scored file so ids agree.
 */
public final class Ids {

    private final IdIndex learners = new IdIndex();
    private final IdIndex items = new IdIndex();
    private final IdIndex skills;
    private final IdIndex skillLists = new IdIndex();
    private final List<int[]> skillListSkills = new ArrayList<>();

    public Ids() {
        this(new IdIndex());
    }

    /** Uses a given skill index (for example the catalog's topics, in a stable order). */
    public Ids(IdIndex skills) {
        this.skills = skills;
    }

    public IdIndex learners() {
        return learners;
    }

    public IdIndex items() {
        return items;
    }

    public IdIndex skills() {
        return skills;
    }

    /** The id of the skill list in {@code buf[off, off+len)} ({@code ;}-separated skill ids). */
    int skillList(byte[] buf, int off, int len) {
        int id = skillLists.intern(buf, off, len);
        if (id == skillListSkills.size()) {
            skillListSkills.add(parseSkills(buf, off, len));
        }
        return id;
    }

    int[] skillsOf(int skillList) {
        return skillListSkills.get(skillList);
    }

    private int[] parseSkills(byte[] buf, int off, int len) {
        int[] out = new int[8];
        int n = 0;
        int start = off;
        for (int i = off; i <= off + len; i++) {
            if (i == off + len || buf[i] == ';') {
                int s = start;
                int e = i;
                while (s < e && buf[s] == ' ') {
                    s++;
                }
                while (e > s && buf[e - 1] == ' ') {
                    e--;
                }
                if (e > s) {
                    int skill = skills.intern(buf, s, e - s);
                    if (!contains(out, n, skill)) {
                        if (n == out.length) {
                            out = java.util.Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = skill;
                    }
                }
                start = i + 1;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
