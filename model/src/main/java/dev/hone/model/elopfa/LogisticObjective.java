package dev.hone.model.elopfa;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.Preconditioner;

/**
 * The penalised negative log-likelihood of the production model's logistic part over a subset of the
 * design's rows, with its gradient (computed together and cached, since the optimiser asks for them
 * separately at the same point) and a diagonal (Jacobi) preconditioner.
 *
 * <p>Parameter layout: bias, the {@value Features#PER_SKILL} global skill weights, the
 * {@value Features#GLOBAL} global weights, then {@value Features#PER_SKILL} offsets per skill, then one
 * difficulty per item. The penalties are Gaussian priors: N(0, {@code itemSd}^2) on difficulties,
 * N(0, {@code skillOffsetSd}^2) on skill offsets, a weak N(0, 10^2) on the global weights.
 */
final class LogisticObjective {

    static final int SKILL_WEIGHTS = 1;
    static final int GLOBAL_WEIGHTS = SKILL_WEIGHTS + Features.PER_SKILL;
    static final int SKILL_OFFSETS = GLOBAL_WEIGHTS + Features.GLOBAL;
    static final double GLOBAL_SD = 10;

    private final Design d;
    private final int[] rows;
    private final boolean forgetting;
    private final double[] penalty;
    private double[] cachedPoint;
    private double cachedValue;
    private double[] cachedGradient;

    LogisticObjective(Design d, int[] rows, boolean forgetting, double itemSd, double skillOffsetSd) {
        this.d = d;
        this.rows = rows;
        this.forgetting = forgetting;
        penalty = new double[dimension(d)];
        for (int i = 0; i < penalty.length; i++) {
            double sd = i < SKILL_OFFSETS ? GLOBAL_SD : i < itemOffset(d) ? skillOffsetSd : itemSd;
            penalty[i] = 1 / (sd * sd);
        }
    }

    static int dimension(Design d) {
        return itemOffset(d) + d.items;
    }

    static int itemOffset(Design d) {
        return SKILL_OFFSETS + Features.PER_SKILL * d.skills;
    }

    MultivariateFunction value() {
        return x -> {
            compute(x);
            return cachedValue;
        };
    }

    MultivariateVectorFunction gradient() {
        return x -> {
            compute(x);
            return cachedGradient.clone();
        };
    }

    /** The logit of one row at parameters {@code x}. */
    double logit(double[] x, int r) {
        double z = x[0] - x[itemOffset(d) + d.item[r]];
        for (int e = d.skillStart[r]; e < d.skillStart[r + 1]; e++) {
            int o = SKILL_OFFSETS + Features.PER_SKILL * d.skill[e];
            for (int j = 0; j < Features.PER_SKILL; j++) {
                z += (x[SKILL_WEIGHTS + j] + x[o + j]) * d.skillX[e * Features.PER_SKILL + j];
            }
        }
        int g0 = r * Features.GLOBAL;
        int globals = forgetting ? Features.GLOBAL : Features.FIRST_FORGETTING;
        for (int g = 0; g < globals; g++) {
            z += x[GLOBAL_WEIGHTS + g] * d.globalX[g0 + g];
        }
        return z;
    }

    private void compute(double[] x) {
        if (cachedPoint != null && java.util.Arrays.equals(cachedPoint, x)) {
            return;
        }
        double[] grad = new double[x.length];
        double value = 0;
        int items = itemOffset(d);
        for (int r : rows) {
            double z = logit(x, r);
            double y = d.y[r];
            // log(1 + e^z) - y z, computed stably
            value += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
            double residual = 1 / (1 + Math.exp(-z)) - y;
            grad[0] += residual;
            grad[items + d.item[r]] -= residual;
            for (int e = d.skillStart[r]; e < d.skillStart[r + 1]; e++) {
                int o = SKILL_OFFSETS + Features.PER_SKILL * d.skill[e];
                for (int j = 0; j < Features.PER_SKILL; j++) {
                    double gx = residual * d.skillX[e * Features.PER_SKILL + j];
                    grad[SKILL_WEIGHTS + j] += gx;
                    grad[o + j] += gx;
                }
            }
            int g0 = r * Features.GLOBAL;
            int globals = forgetting ? Features.GLOBAL : Features.FIRST_FORGETTING;
            for (int g = 0; g < globals; g++) {
                grad[GLOBAL_WEIGHTS + g] += residual * d.globalX[g0 + g];
            }
        }
        for (int i = 0; i < x.length; i++) {
            value += 0.5 * penalty[i] * x[i] * x[i];
            grad[i] += penalty[i] * x[i];
        }
        cachedPoint = x.clone();
        cachedValue = value;
        cachedGradient = grad;
    }

    /** Diagonal of the Hessian at {@code x}: sum of p(1-p) x^2 plus the prior precision. */
    double[] hessianDiagonal(double[] x) {
        double[] h = penalty.clone();
        int items = itemOffset(d);
        for (int r : rows) {
            double p = 1 / (1 + Math.exp(-logit(x, r)));
            double w = p * (1 - p);
            h[0] += w;
            h[items + d.item[r]] += w;
            for (int e = d.skillStart[r]; e < d.skillStart[r + 1]; e++) {
                int o = SKILL_OFFSETS + Features.PER_SKILL * d.skill[e];
                for (int j = 0; j < Features.PER_SKILL; j++) {
                    double v = d.skillX[e * Features.PER_SKILL + j];
                    h[SKILL_WEIGHTS + j] += w * v * v;
                    h[o + j] += w * v * v;
                }
            }
            int g0 = r * Features.GLOBAL;
            for (int g = 0; g < Features.GLOBAL; g++) {
                double v = d.globalX[g0 + g];
                h[GLOBAL_WEIGHTS + g] += w * v * v;
            }
        }
        return h;
    }

    Preconditioner jacobi(double[] at) {
        double[] h = hessianDiagonal(at);
        return (point, r) -> {
            double[] out = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                out[i] = r[i] / h[i];
            }
            return out;
        };
    }
}
