package dev.hone.model.data;

/** Splits learners deterministically by a hash of their id (independent of file order and of the JVM). */
public final class LearnerSplit {

    private static final int BUCKETS = 10_000;

    private LearnerSplit() {
    }

    /** True for about {@code fraction} of all learner ids. */
    public static boolean inFirstPart(String learnerId, double fraction) {
        return inFirstPart(learnerId, fraction, 0);
    }

    /** As {@link #inFirstPart(String, double)}, with a salt so that a split can be split again independently. */
    public static boolean inFirstPart(String learnerId, double fraction, int salt) {
        return bucket(learnerId, salt) < fraction * BUCKETS;
    }

    static int bucket(String id, int salt) {
        int h = 0x811c9dc5 ^ (salt * 0x27d4eb2f);
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return Math.floorMod(h, BUCKETS);
    }
}
