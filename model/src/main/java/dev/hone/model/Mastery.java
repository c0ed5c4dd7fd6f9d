package dev.hone.model;

/**
 * A learner's estimated probability of answering a question of average difficulty on one skill
 * correctly, at a given time, with its uncertainty.
 *
 * @param mean     point estimate in [0,1]
 * @param sd       standard deviation of the estimate, on the probability scale
 * @param low      lower end of an approximate 95% interval
 * @param high     upper end of an approximate 95% interval
 * @param evidence how many answers (possibly fractional scores) on this skill the estimate rests on
 */
public record Mastery(double mean, double sd, double low, double high, double evidence) {

    /** A mastery whose uncertainty is given on the logit scale: the interval is transformed, not symmetric. */
    public static Mastery fromLogit(double logit, double logitSd, double evidence) {
        double mean = Logistic.sigmoid(logit);
        return new Mastery(mean, mean * (1 - mean) * logitSd, Logistic.sigmoid(logit - 1.96 * logitSd),
                Logistic.sigmoid(logit + 1.96 * logitSd), evidence);
    }
}
