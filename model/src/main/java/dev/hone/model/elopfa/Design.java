package dev.hone.model.elopfa;

import dev.hone.model.data.AnswerLog;

/**
 * The training log turned into features, row by row, by streaming it through the same {@link Features}
 * code the online model uses (abilities left at 0: they are learned online, not fitted). Features are
 * stored as floats to halve the memory of large training files.
 */
final class Design {

    final int rows;
    final int skills;
    final int items;
    final int[] item;
    final int[] learner;
    final float[] y;
    /** Row r's skill entries are {@code skillStart[r] .. skillStart[r+1]-1}. */
    final int[] skillStart;
    final int[] skill;
    final float[] skillX;
    final float[] globalX;

    private Design(AnswerLog log) {
        rows = log.size();
        skills = log.ids().skills().size();
        items = log.ids().items().size();
        item = new int[rows];
        learner = new int[rows];
        y = new float[rows];
        skillStart = new int[rows + 1];
        int entries = 0;
        for (int r = 0; r < rows; r++) {
            entries += log.skills(r).length;
        }
        skill = new int[entries];
        skillX = new float[entries * Features.PER_SKILL];
        globalX = new float[rows * Features.GLOBAL];
    }

    static Design build(AnswerLog log, Features.Settings settings) {
        Design d = new Design(log);
        EloPfaState[] states = new EloPfaState[log.ids().learners().size()];
        double[] sx = new double[Features.PER_SKILL * 64];
        double[] gx = new double[Features.GLOBAL];
        int e = 0;
        for (int r = 0; r < d.rows; r++) {
            int l = log.learner(r);
            if (states[l] == null) {
                states[l] = new EloPfaState(0);
            }
            int[] ks = log.skills(r);
            if (sx.length < ks.length * Features.PER_SKILL) {
                sx = new double[ks.length * Features.PER_SKILL];
            }
            long t = log.timestamp(r);
            Features.extract(states[l], ks, t, settings, sx, gx);
            d.item[r] = log.item(r);
            d.learner[r] = l;
            d.y[r] = (float) log.score(r);
            d.skillStart[r] = e;
            for (int i = 0; i < ks.length; i++, e++) {
                d.skill[e] = ks[i];
                for (int j = 0; j < Features.PER_SKILL; j++) {
                    d.skillX[e * Features.PER_SKILL + j] = (float) sx[i * Features.PER_SKILL + j];
                }
            }
            for (int g = 0; g < Features.GLOBAL; g++) {
                d.globalX[r * Features.GLOBAL + g] = (float) gx[g];
            }
            Features.learn(states[l], ks, log.score(r), t, settings, 0);
        }
        d.skillStart[d.rows] = e;
        return d;
    }
}
