package dev.hone.model;

/** The logistic link used by every model. */
public final class Logistic {

    private Logistic() {
    }

    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
