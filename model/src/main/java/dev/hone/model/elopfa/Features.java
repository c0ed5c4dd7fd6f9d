package dev.hone.model.elopfa;

/**
 * The production model's features for one answer, computed from the learner's state before the answer.
 * One definition serves both the online model and the offline fit, so they cannot drift apart.
 *
 * <p>Per skill of the item (each with a global weight plus a per-skill offset): an intercept (skill
 * easiness), log(1 + successes), log(1 + failures) (PFA, Pavlik et al. 2009, log-scaled as in Best-LR,
 * Gervet et al. 2020), and the recency-weighted proportion correct on the skill (R-PFA, Galyardt &amp; Goldin
 * 2015) minus 1/2. Per answer, global weights only: log(1 + total successes), log(1 + total failures), the
 * recency-weighted proportion correct over all skills;
 * and, when forgetting is on, averaged over the item's skills: log(1 + minutes since the skill was last
 * practised), log(1 + successes) and log(1 + failures) decayed exponentially with elapsed time (the
 * time-window counts of DAS3H, Choffin et al. 2019, as a smooth window).
 */
final class Features {

    static final int PER_SKILL = 4;
    static final int GLOBAL = 6;
    static final int FIRST_FORGETTING = 3;

    private Features() {
    }

    static void extract(EloPfaState s, int[] skills, long t, Settings settings, double[] skillX, double[] global) {
        double elapsedSum = 0;
        double decayedSuccessSum = 0;
        double decayedFailureSum = 0;
        for (int i = 0; i < skills.length; i++) {
            int slot = s.slots.find(skills[i]);
            int o = i * PER_SKILL;
            skillX[o] = 1;
            if (slot < 0) {
                skillX[o + 1] = 0;
                skillX[o + 2] = 0;
                skillX[o + 3] = 0;
                continue;
            }
            double success = s.success[slot];
            double failure = s.failure[slot];
            skillX[o + 1] = log1p(success);
            skillX[o + 2] = log1p(failure);
            double weightSum = settings.recencyWeightSum(success + failure);
            skillX[o + 3] = (s.recent[slot] + 0.5) / (weightSum + 1) - 0.5;
            if (settings.forgetting()) {
                double elapsed = Math.max(0, t - s.skillLast[slot]);
                double decay = settings.decay(elapsed);
                elapsedSum += Math.log(1 + elapsed / 60.0);
                decayedSuccessSum += Math.log(1 + s.decayedSuccess[slot] * decay);
                decayedFailureSum += Math.log(1 + s.decayedFailure[slot] * decay);
            }
        }
        global[0] = log1p(s.totalSuccess);
        global[1] = log1p(s.totalFailure);
        double attempts = s.totalSuccess + s.totalFailure;
        global[2] = (s.recentAll + 0.5) / (settings.recencyWeightSum(attempts) + 1) - 0.5;
        double n = skills.length;
        global[3] = elapsedSum / n;
        global[4] = decayedSuccessSum / n;
        global[5] = decayedFailureSum / n;
    }

    private static final double[] LOG1P = new double[1024];

    static {
        for (int i = 0; i < LOG1P.length; i++) {
            LOG1P[i] = Math.log1p(i);
        }
    }

    /**
     * log(1 + x), from a table for the whole counts that 0/1 scores give. Elsewhere {@code Math.log(1 + x)}:
     * an intrinsic, unlike {@code Math.log1p}, and the features need no better than absolute precision.
     */
    static double log1p(double x) {
        int i = (int) x;
        return i == x && i < LOG1P.length ? LOG1P[i] : Math.log(1 + x);
    }

    /** Learns the answer into the count features (abilities are the model's business). */
    static void learn(EloPfaState s, int[] skills, double score, long t, Settings settings, double skillVariance) {
        for (int skill : skills) {
            int slot = s.slot(skill, skillVariance);
            double attempts = s.success[slot] + s.failure[slot];
            if (attempts > 0) {
                double decay = settings.decay(Math.max(0, t - s.skillLast[slot]));
                s.decayedSuccess[slot] = (float) (s.decayedSuccess[slot] * decay);
                s.decayedFailure[slot] = (float) (s.decayedFailure[slot] * decay);
            }
            s.decayedSuccess[slot] += (float) score;
            s.decayedFailure[slot] += (float) (1 - score);
            s.recent[slot] = (float) (settings.recencyDecay() * s.recent[slot] + score);
            s.success[slot] += (float) score;
            s.failure[slot] += (float) (1 - score);
            s.skillLast[slot] = Math.max(t, attempts > 0 ? s.skillLast[slot] : t);
        }
        s.recentAll = (float) (settings.recencyDecay() * s.recentAll + score);
        s.totalSuccess += (float) score;
        s.totalFailure += (float) (1 - score);
        s.last = s.last == Long.MIN_VALUE ? t : Math.max(s.last, t);
    }

    /** Fixed (not fitted) settings of the features. */
    static final class Settings {

        private final double recencyDecay;
        private final double timescaleSeconds;
        private final boolean forgetting;
        private final double[] powers = new double[64];

        /**
         * @param recencyDecay weight of an answer one answer older, in the recency-weighted proportion correct
         * @param timescaleSeconds e-folding time of the decayed counts
         * @param forgetting whether the time-dependent features are used
         */
        Settings(double recencyDecay, double timescaleSeconds, boolean forgetting) {
            this.recencyDecay = recencyDecay;
            this.timescaleSeconds = timescaleSeconds;
            this.forgetting = forgetting;
            powers[0] = 1;
            for (int i = 1; i < powers.length; i++) {
                powers[i] = powers[i - 1] * recencyDecay;
            }
        }

        double recencyDecay() {
            return recencyDecay;
        }

        double timescaleSeconds() {
            return timescaleSeconds;
        }

        boolean forgetting() {
            return forgetting;
        }

        double decay(double elapsedSeconds) {
            return Math.exp(-elapsedSeconds / timescaleSeconds);
        }

        /** Sum of recency weights over {@code attempts} answers: 1 + d + d^2 + ... */
        double recencyWeightSum(double attempts) {
            int n = (int) attempts;
            double power = n == attempts && n < powers.length ? powers[n] : Math.pow(recencyDecay, attempts);
            return (1 - power) / (1 - recencyDecay);
        }
    }
}
