package dev.hone.model.baseline;

import dev.hone.model.data.AnswerLog;
import dev.hone.model.eval.Prequential;
import dev.hone.model.item.ItemBank;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/** Fits the baseline's prior mean (the training mean) and prior strength (Brent search on the prequential log loss). */
public final class BaselineFitter {

    private BaselineFitter() {
    }

    public static BaselineModel fit(AnswerLog train) {
        double mean = train.meanScore();
        UnivariateObjectiveFunction loss = new UnivariateObjectiveFunction(logStrength ->
                Prequential.logLoss(new BaselineModel(mean, Math.exp(logStrength)), train, new ItemBank(train.ids().items(), 1)));
        double best = new BrentOptimizer(1e-4, 1e-4)
                .optimize(new MaxEval(100), GoalType.MINIMIZE, loss, new SearchInterval(Math.log(0.05), Math.log(100), 0))
                .getPoint();
        return new BaselineModel(mean, Math.exp(best));
    }
}
