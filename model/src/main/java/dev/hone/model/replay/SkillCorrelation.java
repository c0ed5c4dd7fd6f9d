package dev.hone.model.replay;

import dev.hone.model.data.AnswerLog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How strongly a learner's level on one skill follows their level on the others, estimated from a log. The
 * simulator's population draws a topic's starting skill as a general ability plus the topic's own deviation, so
 * two topics of one learner correlate {@code abilitySd^2 / (abilitySd^2 + topicSd^2)}; this measures that
 * correlation on real answers instead of assuming it.
 *
 * <p>For each learner and skill (answers tagged with one skill only), the first two answers on different items,
 * each centred on the mean of that position for the skill (the skill's difficulty). The covariance of the two
 * answers of one learner on one skill is the spread of learners' levels on a skill; the covariance of answers of
 * one learner on two different skills is the part of it those skills share. Their ratio is the correlation, on
 * the probability scale, of a learner's levels on two skills. It is a moment estimate: the two answers on a skill
 * are minutes apart, answers on two skills can be days apart (a level that drifts lowers the second covariance),
 * and learning between the first and second answer is not modelled; read it as the order of magnitude.
 */
final class SkillCorrelation {

    /**
     * @param learners     learners with first two answers on at least two skills
     * @param pairs        (learner, skill) pairs with first two answers
     * @param withinSkill  covariance of a learner's first and second answer on one skill
     * @param acrossSkills covariance of a learner's first answer on one skill and second on another
     */
    record Result(int learners, int pairs, double withinSkill, double acrossSkills) {

        double correlation() {
            return acrossSkills / withinSkill;
        }

        /** The topic deviation sd that, with general abilities of sd {@code abilitySd}, gives this correlation. */
        double impliedTopicSd(double abilitySd) {
            double r = correlation();
            return r <= 0 || r >= 1 ? Double.NaN : abilitySd * Math.sqrt((1 - r) / r);
        }
    }

    private SkillCorrelation() {
    }

    static Result of(AnswerLog log) {
        Collection<List<Pair>> byLearner = firstTwoAnswers(log);
        Map<Integer, double[]> sums = new HashMap<>(); // skill -> {sum of first answers, sum of second, pairs}
        byLearner.forEach(pairs -> pairs.forEach(p -> {
            double[] m = sums.computeIfAbsent(p.skill(), s -> new double[3]);
            m[0] += p.first();
            m[1] += p.second();
            m[2]++;
        }));

        double within = 0;
        int pairCount = 0;
        double across = 0;
        long acrossCount = 0;
        int learners = 0;
        for (List<Pair> pairs : byLearner) {
            // across two skills of the learner: sum over s != s' of r1(s) r2(s') = (sum r1)(sum r2) - sum r1(s) r2(s)
            double sum1 = 0;
            double sum2 = 0;
            double same = 0;
            for (Pair p : pairs) {
                double[] m = sums.get(p.skill());
                double r1 = p.first() - m[0] / m[2];
                double r2 = p.second() - m[1] / m[2];
                sum1 += r1;
                sum2 += r2;
                same += r1 * r2;
            }
            within += same;
            pairCount += pairs.size();
            if (pairs.size() >= 2) {
                across += sum1 * sum2 - same;
                acrossCount += (long) pairs.size() * (pairs.size() - 1);
                learners++;
            }
        }
        if (acrossCount == 0) {
            throw new IllegalArgumentException("no learner has two answers on each of two skills: nothing to correlate");
        }
        return new Result(learners, pairCount, within / pairCount, across / acrossCount);
    }

    /** A learner's first and second answer on one skill. */
    private record Pair(int skill, double first, double second) {
    }

    /** A learner's first answer on a skill, waiting for the second. */
    private record First(int item, double score) {
    }

    /** Marks a skill whose pair is taken: later answers on it are practice, not the starting level. */
    private static final First PAIRED = new First(-1, 0);

    /** Per learner, each single-skill skill's first two answers on different items, in the log's order. */
    private static Collection<List<Pair>> firstTwoAnswers(AnswerLog log) {
        Map<Integer, Map<Integer, First>> firsts = new HashMap<>(); // learner -> skill -> first answer
        Map<Integer, List<Pair>> byLearner = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            int[] skills = log.skills(row);
            if (skills.length != 1) {
                continue;
            }
            int learner = log.learner(row);
            Map<Integer, First> learnerFirsts = firsts.computeIfAbsent(learner, l -> new HashMap<>());
            First first = learnerFirsts.get(skills[0]);
            if (first == null) {
                learnerFirsts.put(skills[0], new First(log.item(row), log.score(row)));
            } else if (first != PAIRED && first.item() != log.item(row)) {
                byLearner.computeIfAbsent(learner, l -> new ArrayList<>()).add(new Pair(skills[0], first.score(), log.score(row)));
                learnerFirsts.put(skills[0], PAIRED);
            }
        }
        return byLearner.values();
    }
}
