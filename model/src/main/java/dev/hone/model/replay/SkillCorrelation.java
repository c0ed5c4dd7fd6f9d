package dev.hone.model.replay;

import dev.hone.model.data.AnswerLog;

import java.util.ArrayList;
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
        List<Pair> pairs = firstTwoAnswers(log);
        Map<Integer, double[]> means = new HashMap<>(); // skill -> {sum first, sum second, count}
        for (Pair p : pairs) {
            double[] m = means.computeIfAbsent(p.skill, s -> new double[3]);
            m[0] += p.first;
            m[1] += p.second;
            m[2]++;
        }
        double within = 0;
        for (Pair p : pairs) {
            double[] m = means.get(p.skill);
            within += (p.first - m[0] / m[2]) * (p.second - m[1] / m[2]);
        }
        within /= pairs.size();

        // across skills within each learner: sum over s != s' of r1(s) r2(s') = (sum r1)(sum r2) - sum r1 r2
        double across = 0;
        long count = 0;
        int learners = 0;
        int start = 0;
        while (start < pairs.size()) {
            int end = start;
            double sum1 = 0;
            double sum2 = 0;
            double same = 0;
            while (end < pairs.size() && pairs.get(end).learner == pairs.get(start).learner) {
                Pair p = pairs.get(end);
                double[] m = means.get(p.skill);
                double r1 = p.first - m[0] / m[2];
                double r2 = p.second - m[1] / m[2];
                sum1 += r1;
                sum2 += r2;
                same += r1 * r2;
                end++;
            }
            int k = end - start;
            if (k >= 2) {
                across += sum1 * sum2 - same;
                count += (long) k * (k - 1);
                learners++;
            }
            start = end;
        }
        if (pairs.isEmpty() || count == 0) {
            throw new IllegalArgumentException("no learner has two answers on each of two skills: nothing to correlate");
        }
        return new Result(learners, pairs.size(), within, across / count);
    }

    private record Pair(int learner, int skill, double first, double second) {
    }

    /** Per learner, in order of the log, each single-skill skill's first two answers on different items. */
    private static List<Pair> firstTwoAnswers(AnswerLog log) {
        List<Pair> pairs = new ArrayList<>();
        Map<Integer, Map<Integer, double[]>> open = new HashMap<>(); // learner -> skill -> {first item, first score}
        Map<Integer, List<Pair>> byLearner = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            int[] skills = log.skills(row);
            if (skills.length != 1) {
                continue;
            }
            int learner = log.learner(row);
            Map<Integer, double[]> firsts = open.computeIfAbsent(learner, l -> new HashMap<>());
            double[] first = firsts.get(skills[0]);
            if (first == null) {
                firsts.put(skills[0], new double[] {log.item(row), log.score(row)});
            } else if (first.length == 2 && first[0] != log.item(row)) {
                byLearner.computeIfAbsent(learner, l -> new ArrayList<>()).add(new Pair(learner, skills[0], first[1], log.score(row)));
                firsts.put(skills[0], new double[0]); // done: later answers on the skill are practice, not starting level
            }
        }
        byLearner.values().forEach(pairs::addAll); // grouped by learner for the across-skills sums
        return pairs;
    }
}
