package dev.hone.model.eval;

import dev.hone.model.LearnerModel;
import dev.hone.model.LearnerState;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.item.ItemBank;

/** Streams a log through a model, predicting each answer before learning from it: the prequential log loss. */
public final class Prequential {

    private static final double EPS = 1e-6;

    private Prequential() {
    }

    /** Mean negative log-likelihood per answer, learning item calibration into {@code items} as it goes. */
    public static double logLoss(LearnerModel model, AnswerLog log, ItemBank items) {
        LearnerState[] states = new LearnerState[log.ids().learners().size()];
        double loss = 0;
        for (int r = 0; r < log.size(); r++) {
            int learner = log.learner(r);
            LearnerState state = states[learner];
            if (state == null) {
                state = model.newState();
                states[learner] = state;
            }
            var item = items.get(log.item(r));
            double y = log.score(r);
            double p = model.update(state, item, log.skills(r), y, log.timestamp(r));
            model.calibrate(item, p, y);
            loss += crossEntropy(p, y);
        }
        return log.size() == 0 ? 0 : loss / log.size();
    }

    public static double crossEntropy(double p, double y) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    }
}
