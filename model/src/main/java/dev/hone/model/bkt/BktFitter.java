package dev.hone.model.bkt;

import dev.hone.model.data.AnswerLog;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Fits BKT by maximum a posteriori with Commons Math's BOBYQA (bounded, derivative-free): first one
 * pooled parameter set over all skills, then each skill with Beta priors centred on the pooled values
 * (worth {@value #PRIOR_ANSWERS} pseudo-answers), so skills with little data stay near the pooled fit.
 * The likelihood is the forward (filtering) probability of each learner's answer sequence on the skill.
 */
public final class BktFitter {

    static final double PRIOR_ANSWERS = 10;

    private BktFitter() {
    }

    public static BktModel fit(AnswerLog train) {
        Sequences[] bySkill = Sequences.group(train);
        Sequences all = Sequences.concat(bySkill);
        BktSkill pooled = optimise(all, null, BktModel.DEFAULT);
        Map<String, BktSkill> fitted = new TreeMap<>();
        for (int k = 0; k < bySkill.length; k++) {
            if (bySkill[k] != null) {
                fitted.put(train.ids().skills().name(k), optimise(bySkill[k], pooled, pooled));
            }
        }
        return new BktModel(train.ids().skills(), pooled, fitted);
    }

    private static BktSkill optimise(Sequences data, BktSkill prior, BktSkill start) {
        double[] x0 = clamp(start.toArray());
        ObjectiveFunction objective = new ObjectiveFunction(x -> negLogPosterior(data, BktSkill.of(x), prior));
        double[] best = new BOBYQAOptimizer(11, 0.1, 1e-5)
                .optimize(new MaxEval(2000), GoalType.MINIMIZE, objective, new InitialGuess(x0),
                        new SimpleBounds(BktSkill.LOWER, BktSkill.UPPER))
                .getPoint();
        return BktSkill.of(best);
    }

    private static double[] clamp(double[] x) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            double margin = 0.1 * (BktSkill.UPPER[i] - BktSkill.LOWER[i]);
            out[i] = Math.max(BktSkill.LOWER[i] + margin, Math.min(BktSkill.UPPER[i] - margin, out[i]));
        }
        return out;
    }

    static double negLogPosterior(Sequences data, BktSkill p, BktSkill prior) {
        double nll = 0;
        double known = p.init();
        for (int i = 0; i < data.size; i++) {
            if (data.first[i]) {
                known = p.init();
            }
            double pc = p.correct(known);
            double y = data.score[i];
            nll -= y * Math.log(pc) + (1 - y) * Math.log(1 - pc);
            known = p.next(known, y);
        }
        if (prior != null) {
            double[] x = p.toArray();
            double[] m = prior.toArray();
            for (int i = 0; i < x.length; i++) {
                double mean = Math.min(0.99, Math.max(0.01, m[i]));
                double a = PRIOR_ANSWERS * mean;
                double b = PRIOR_ANSWERS * (1 - mean);
                double v = Math.min(1 - 1e-9, Math.max(1e-9, x[i]));
                nll -= (a - 1) * Math.log(v) + (b - 1) * Math.log(1 - v);
            }
        }
        return nll;
    }

    /** One skill's answers, grouped by learner in time order, with a flag at each learner's first answer. */
    static final class Sequences {
        boolean[] first;
        float[] score;
        int size;

        static Sequences[] group(AnswerLog log) {
            int[] byLearner = stableOrderByLearner(log);
            int skills = log.ids().skills().size();
            int[] count = new int[skills];
            for (int r = 0; r < log.size(); r++) {
                for (int k : log.skills(r)) {
                    count[k]++;
                }
            }
            Sequences[] out = new Sequences[skills];
            int[] lastLearner = new int[skills];
            for (int k = 0; k < skills; k++) {
                if (count[k] > 0) {
                    out[k] = new Sequences();
                    out[k].first = new boolean[count[k]];
                    out[k].score = new float[count[k]];
                }
                lastLearner[k] = -1;
            }
            for (int r : byLearner) {
                int learner = log.learner(r);
                for (int k : log.skills(r)) {
                    Sequences s = out[k];
                    s.first[s.size] = lastLearner[k] != learner;
                    s.score[s.size] = (float) log.score(r);
                    s.size++;
                    lastLearner[k] = learner;
                }
            }
            return out;
        }

        /** Row indices grouped by learner, keeping file (time) order within a learner: a counting sort. */
        private static int[] stableOrderByLearner(AnswerLog log) {
            int learners = log.ids().learners().size();
            int[] start = new int[learners + 1];
            for (int r = 0; r < log.size(); r++) {
                start[log.learner(r) + 1]++;
            }
            for (int l = 0; l < learners; l++) {
                start[l + 1] += start[l];
            }
            int[] order = new int[log.size()];
            for (int r = 0; r < log.size(); r++) {
                order[start[log.learner(r)]++] = r;
            }
            return order;
        }

        static Sequences concat(Sequences[] parts) {
            Sequences all = new Sequences();
            for (Sequences p : parts) {
                all.size += p == null ? 0 : p.size;
            }
            all.first = new boolean[all.size];
            all.score = new float[all.size];
            int n = 0;
            for (Sequences p : parts) {
                if (p != null) {
                    System.arraycopy(p.first, 0, all.first, n, p.size);
                    System.arraycopy(p.score, 0, all.score, n, p.size);
                    n += p.size;
                }
            }
            return all;
        }
    }
}
