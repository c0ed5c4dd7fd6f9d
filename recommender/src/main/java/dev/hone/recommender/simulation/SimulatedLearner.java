package dev.hone.recommender.simulation;

import dev.hone.catalog.Question;

import java.util.SplittableRandom;

/**
 * A learner with hidden per-topic skill on the logit scale. Skill = starting skill + a durable
 * part + a labile part that halves every half-life since the topic was last practised; a
 * correct answer after a spaced gap lengthens the half-life (spacing effect). Practice adds
 * skill, most where the chance of success is in the zone of proximal development, and only as
 * far as the topic's prerequisites allow. Answers follow a logistic (IRT, 3PL) rule.
 */
final class SimulatedLearner {

    private static final double SECONDARY_SHARE = 0.5;

    private final World world;
    private final Profile profile;
    final String track;
    final int[] trackTopics;
    private final double rate;
    private final double[] start;
    private final double[] durable;
    private final double[] labile;
    private final double[] halfLife;
    private final long[] last;
    private final double masteryLogit;
    /** The general ability every topic's starting skill spreads around (read only by the placement experiment). */
    final double ability;

    SimulatedLearner(World world, String track, SplittableRandom random) {
        this.world = world;
        this.profile = world.profile;
        this.track = track;
        this.trackTopics = world.trackTopics(track);
        int n = world.topics.size();
        ability = profile.abilityMean() + profile.abilitySd() * Seeds.gaussian(random);
        double[] noise = new double[n];
        for (int k = 0; k < n; k++) {
            noise[k] = Seeds.gaussian(random);
        }
        double[] deviation = world.deviations(noise);
        start = new double[n];
        for (int k = 0; k < n; k++) {
            start[k] = ability + profile.topicSd() * deviation[k];
        }
        rate = profile.learnRate() * Math.exp(profile.learnRateSd() * Seeds.gaussian(random) - profile.learnRateSd() * profile.learnRateSd() / 2);
        durable = new double[n];
        labile = new double[n];
        halfLife = new double[n];
        java.util.Arrays.fill(halfLife, profile.halfLifeDays() * 86_400);
        last = new long[n];
        java.util.Arrays.fill(last, Long.MIN_VALUE);
        masteryLogit = logit(profile.masteryThreshold());
    }

    double skill(int k, long t) {
        double retained = last[k] == Long.MIN_VALUE ? 0 : labile[k] * Math.pow(2, -(t - last[k]) / halfLife[k]);
        return start[k] + durable[k] + retained;
    }

    /** Answers {@code q} at {@code t}: right with the 3PL probability of the question's main topic. */
    boolean answer(Question q, long t, SplittableRandom random) {
        int k = world.topicIndex.get(q.topic());
        double c = world.guess(q);
        double p = c + (1 - c) * sigmoid(skill(k, t) - world.difficulty(q));
        return random.nextDouble() < p;
    }

    /** Learning from one answer with feedback: the main topic fully, secondary topics in part. */
    void learn(Question q, boolean correct, long t) {
        int k = world.topicIndex.get(q.topic());
        double b = world.difficulty(q);
        double p = sigmoid(skill(k, t) - b);
        double zpd = profile.zpdFloor() + (1 - profile.zpdFloor())
                * Math.exp(-square(logit(p) - logit(profile.zpdCentre())) / (2 * square(profile.zpdWidth())));
        double gain = rate * zpd * (correct ? 1 : profile.failureShare());
        practise(k, gain * gate(k, t), correct, t);
        for (String secondary : q.secondaryTopics()) {
            Integer j = world.topicIndex.get(secondary);
            if (j != null && j != k) {
                practise(j, SECONDARY_SHARE * gain * gate(j, t), correct, t);
            }
        }
    }

    /** Whether every topic of the track is at the mastery threshold (on an item of average difficulty) at {@code t}. */
    boolean mastered(long t) {
        for (int k : trackTopics) {
            if (skill(k, t) < masteryLogit) {
                return false;
            }
        }
        return true;
    }

    /** Share of the learning a topic gets given its prerequisites: 1 when they are mastered, 1 - strength at worst. */
    private double gate(int k, long t) {
        double gate = 1;
        for (int p : world.prerequisites[k]) {
            double ready = Math.min(1, sigmoid(skill(p, t)) / profile.masteryThreshold());
            gate = Math.min(gate, 1 - profile.prerequisiteStrength() * (1 - ready));
        }
        return gate;
    }

    private void practise(int k, double gain, boolean correct, long t) {
        if (last[k] != Long.MIN_VALUE) {
            double elapsed = Math.max(0, t - last[k]);
            labile[k] *= Math.pow(2, -elapsed / halfLife[k]);
            if (correct) {
                // A successful retrieval after a spaced gap strengthens memory most (Pimsleur, Leitner, HLR).
                halfLife[k] *= 1 + (profile.halfLifeGrowth() - 1) * Math.min(1, elapsed / halfLife[k]);
            }
        }
        last[k] = t;
        durable[k] += gain * profile.durableShare();
        labile[k] += gain * (1 - profile.durableShare());
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double square(double x) {
        return x * x;
    }
}
