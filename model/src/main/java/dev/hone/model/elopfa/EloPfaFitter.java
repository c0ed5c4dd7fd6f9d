package dev.hone.model.elopfa;

import dev.hone.model.IdIndex;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.data.LearnerSplit;
import dev.hone.model.eval.Prequential;
import dev.hone.model.item.ItemBank;
import dev.hone.model.item.ItemEstimate;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Fits the production model offline.
 * <ol>
 * <li>The logistic part (weights, skill offsets, item difficulties) by penalised maximum likelihood
 * (Gaussian priors, see {@link LogisticObjective}) with Commons Math's preconditioned non-linear conjugate
 * gradient.</li>
 * <li>The prior variances of the two online abilities, which only matter for learners the fit has not seen:
 * the logistic part is fitted on 80% of the training learners, and BOBYQA picks the variances that minimise
 * the prequential log loss on the other 20% (whose answers the fit never saw, as for new learners).</li>
 * <li>The logistic part again on all training learners.</li>
 * </ol>
 * The item difficulties come with their posterior variance (from the Hessian diagonal), so that online
 * calibration goes on from where the fit stopped.
 */
public final class EloPfaFitter {

    /** Prior sd of an item's difficulty (logits): the usual N(0,1) of IRT. */
    public static final double ITEM_SD = 1.0;
    /** Prior sd of a skill's offsets from the global skill weights. */
    public static final double SKILL_OFFSET_SD = 0.5;
    /** Share of training learners the logistic part is fitted on while the ability variances are tuned on the rest. */
    static final double TUNING_SHARE = 0.8;
    /** Independent of the replay's own --split-learners split. */
    static final int TUNING_SALT = 17;

    /** The fitted model parameters and the calibrated items. */
    public record Result(EloPfaParams params, ItemBank items) {
    }

    private EloPfaFitter() {
    }

    public static Result fit(AnswerLog train, boolean forgetting, PrintStream progress) {
        Features.Settings settings = EloPfaParams.defaultSettings(forgetting);
        Design design = Design.build(train, settings);
        IdIndex learners = train.ids().learners();
        boolean[] heldOut = new boolean[learners.size()];
        for (int l = 0; l < heldOut.length; l++) {
            heldOut[l] = !LearnerSplit.inFirstPart(learners.name(l), TUNING_SHARE, TUNING_SALT);
        }
        int[] fitRows = IntStream.range(0, design.rows).filter(r -> !heldOut[design.learner[r]]).toArray();
        double learnerVariance = EloPfaParams.defaults(forgetting).learnerVariance;
        double skillVariance = EloPfaParams.defaults(forgetting).skillVariance;
        double[] start = new double[LogisticObjective.dimension(design)];
        if (fitRows.length > 0 && fitRows.length < design.rows) {
            double[] partial = optimise(design, fitRows, forgetting, start, progress);
            double[] variances = tuneVariances(train, design, fitRows, heldOut, partial, settings, progress);
            learnerVariance = variances[0];
            skillVariance = variances[1];
            start = partial;
        }
        int[] all = IntStream.range(0, design.rows).toArray();
        double[] x = optimise(design, all, forgetting, start, progress);
        EloPfaParams params = toParams(train, design, x, learnerVariance, skillVariance, settings);
        return new Result(params, items(train, design, all, forgetting, x));
    }

    private static double[] optimise(Design d, int[] rows, boolean forgetting, double[] start, PrintStream progress) {
        LogisticObjective objective = new LogisticObjective(d, rows, forgetting, ITEM_SD, SKILL_OFFSET_SD);
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-7, 1e-6),
                1e-6, 1e-6, 1.0, objective.jacobi(start));
        PointValuePair best = optimizer.optimize(new MaxEval(20_000), new MaxIter(400), GoalType.MINIMIZE,
                new ObjectiveFunction(objective.value()), new ObjectiveFunctionGradient(objective.gradient()),
                new InitialGuess(start));
        progress.printf("  logistic fit on %,d answers: %d iterations, mean log loss %.5f%n", rows.length,
                optimizer.getIterations(), best.getValue() / rows.length);
        return best.getPoint();
    }

    private static double[] tuneVariances(AnswerLog train, Design d, int[] fitRows, boolean[] heldOut, double[] x,
            Features.Settings settings, PrintStream progress) {
        AnswerLog tuningWithSkills = subset(train, heldOut);
        ObjectiveFunction loss = new ObjectiveFunction(logVariances -> {
            EloPfaParams p = toParams(train, d, x, Math.exp(logVariances[0]), Math.exp(logVariances[1]), settings);
            return Prequential.logLoss(new EloPfaModel(p, train.ids().skills()), tuningWithSkills,
                    items(train, d, fitRows, settings.forgetting(), x));
        });
        double low = Math.log(1e-3);
        double high = Math.log(4);
        double[] best = new BOBYQAOptimizer(5, 0.5, 1e-3)
                .optimize(new MaxEval(200), GoalType.MINIMIZE, loss,
                        new InitialGuess(new double[] {Math.log(0.3), Math.log(0.1)}),
                        new SimpleBounds(new double[] {low, low}, new double[] {high, high}))
                .getPoint();
        progress.printf("  online ability prior variances (tuned on %,d held-out answers): learner %.4f, skill %.4f%n",
                tuningWithSkills.size(), Math.exp(best[0]), Math.exp(best[1]));
        return new double[] {Math.exp(best[0]), Math.exp(best[1])};
    }

    private static AnswerLog subset(AnswerLog log, boolean[] keepLearner) {
        AnswerLog out = new AnswerLog(log.ids());
        for (int r = 0; r < log.size(); r++) {
            if (keepLearner[log.learner(r)]) {
                out.addRowOf(log, r);
            }
        }
        return out;
    }

    private static EloPfaParams toParams(AnswerLog train, Design d, double[] x, double learnerVariance,
            double skillVariance, Features.Settings settings) {
        double[] skillWeights = Arrays.copyOfRange(x, LogisticObjective.SKILL_WEIGHTS, LogisticObjective.GLOBAL_WEIGHTS);
        double[] globalWeights = Arrays.copyOfRange(x, LogisticObjective.GLOBAL_WEIGHTS, LogisticObjective.SKILL_OFFSETS);
        Map<String, double[]> offsets = new TreeMap<>();
        for (int k = 0; k < d.skills; k++) {
            int o = LogisticObjective.SKILL_OFFSETS + Features.PER_SKILL * k;
            offsets.put(train.ids().skills().name(k), Arrays.copyOfRange(x, o, o + Features.PER_SKILL));
        }
        return new EloPfaParams(x[0], skillWeights, offsets, globalWeights, learnerVariance, skillVariance,
                ITEM_SD * ITEM_SD, settings);
    }

    /** Items answered in {@code rows}, at their fitted difficulty with the posterior variance. */
    private static ItemBank items(AnswerLog train, Design d, int[] rows, boolean forgetting, double[] x) {
        LogisticObjective objective = new LogisticObjective(d, rows, forgetting, ITEM_SD, SKILL_OFFSET_SD);
        double[] h = objective.hessianDiagonal(x);
        double[] answers = new double[d.items];
        for (int r : rows) {
            answers[d.item[r]]++;
        }
        ItemBank bank = new ItemBank(train.ids().items(), ITEM_SD * ITEM_SD);
        int offset = LogisticObjective.itemOffset(d);
        for (int i = 0; i < d.items; i++) {
            if (answers[i] > 0) {
                bank.put(i, new ItemEstimate(x[offset + i], 1 / h[offset + i], answers[i]));
            }
        }
        return bank;
    }
}
