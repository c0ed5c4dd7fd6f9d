package dev.hone.model.eval;

/**
 * Prequential metrics over a stream of (prediction, outcome) pairs in fixed memory: AUC from a fine
 * histogram of predictions (exact up to ties inside a bin of width 1/bins), RMSE, log loss, accuracy at
 * 0.5, and expected calibration error over 10 equal-width bins. Partial-credit outcomes count as
 * fractional positives and negatives.
 */
public final class Metrics {

    private static final int CALIBRATION_BINS = 10;
    private static final double EPS = 1e-6;

    private final int bins;
    private final double[] positives;
    private final double[] negatives;
    private final double[] calibrationCount = new double[CALIBRATION_BINS];
    private final double[] calibrationPredicted = new double[CALIBRATION_BINS];
    private final double[] calibrationObserved = new double[CALIBRATION_BINS];
    private long count;
    private double squaredError;
    private double logLoss;
    private double correct;

    public Metrics(int bins) {
        this.bins = bins;
        positives = new double[bins];
        negatives = new double[bins];
    }

    /** Fine enough that ties inside a bin do not move the AUC in its fourth decimal. */
    public static Metrics overall() {
        return new Metrics(1 << 16);
    }

    public void add(double p, double y) {
        count++;
        double e = p - y;
        squaredError += e * e;
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        logLoss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
        correct += p >= 0.5 ? y : 1 - y;
        int b = Math.min(bins - 1, (int) (p * bins));
        positives[b] += y;
        negatives[b] += 1 - y;
        int c = Math.min(CALIBRATION_BINS - 1, (int) (p * CALIBRATION_BINS));
        calibrationCount[c]++;
        calibrationPredicted[c] += p;
        calibrationObserved[c] += y;
    }

    public long count() {
        return count;
    }

    /** Probability that a random positive is ranked above a random negative (ties count half); NaN if one class is empty. */
    public double auc() {
        double pos = 0;
        double neg = 0;
        double pairs = 0;
        for (int b = 0; b < bins; b++) {
            pairs += positives[b] * (neg + 0.5 * negatives[b]);
            pos += positives[b];
            neg += negatives[b];
        }
        return pos == 0 || neg == 0 ? Double.NaN : pairs / (pos * neg);
    }

    public double rmse() {
        return Math.sqrt(squaredError / count);
    }

    public double logLoss() {
        return logLoss / count;
    }

    public double accuracy() {
        return correct / count;
    }

    /** Expected calibration error: the answer-weighted mean |mean predicted - mean observed| over 10 bins. */
    public double ece() {
        double sum = 0;
        for (int c = 0; c < CALIBRATION_BINS; c++) {
            sum += Math.abs(calibrationPredicted[c] - calibrationObserved[c]);
        }
        return sum / count;
    }
}
