package dev.hone.model.data;

/** Splits learners deterministically by a hash of their id (independent of file order and of the JVM). */
public final class LearnerSplit {

    private static final int BUCKETS = 10_000;

    private LearnerSplit() {
    }

    /** True for about {@code fraction} of all learner ids. */
    public static boolean inFirstPart(String learnerId, double fraction) {
        return bucket(learnerId) < fraction * BUCKETS;
    }

    static int bucket(String id) {
        int h = 0x811c9dc5;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return Math.floorMod(h, BUCKETS);
    }
}
