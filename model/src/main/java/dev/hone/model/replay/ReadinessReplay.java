package dev.hone.model.replay;

import dev.hone.model.LearnerModel;
import dev.hone.model.LearnerState;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.item.ItemBank;
import dev.hone.model.item.ItemEstimate;
import dev.hone.model.readiness.Readiness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Checks the readiness score on real answers: for each learner of a log with enough answers, the model
 * learns their first half, readiness is predicted at the time of the last answer of that half, and it is
 * compared with the learner's actual accuracy on their second half. The "interview" weights each skill by
 * how often the training log asks it (the log's equivalent of a track's weights).
 *
 * <p>Three intervals are checked against the second half: the score's own (about the expected share, so it is
 * bound to miss a finite sample's spread), the one for as many independent answers as the second half holds
 * ({@link Readiness.Score#onQuestions(int)}), and that one with the {@link Readiness.Dispersion} measured the same
 * way on the training log's learners (out of sample for the test learners).
 */
final class ReadinessReplay {

    static final int BINS = 10;

    private final LearnerModel model;
    private final ItemBank items;
    private final Readiness readiness = new Readiness(Readiness.Settings.defaults());

    ReadinessReplay(LearnerModel model, ItemBank items) {
        this.model = model;
        this.items = items;
    }

    /**
     * One learner: predicted readiness with its interval (the expected share), the interval of the share right
     * on as many questions as their second half holds ({@link Readiness.Score#onQuestions}), and the accuracy
     * they actually had on that second half.
     */
    record Learner(double predicted, double low, double high, double sd, Readiness.Interval sample, Readiness.Interval calibrated,
                   double observed, double firstHalfAccuracy, int answers) {

        int secondHalf() {
            return answers - answers / 2;
        }
    }

    record Bin(double from, double to, int learners, double meanPredicted, double meanObserved) {
    }

    /**
     * {@code intervalCoverage}: observed second-half accuracy inside the score's interval (which is about the expected
     * share, so it is bound to miss a finite sample's spread); {@code sampleIntervalCoverage}: inside the interval for
     * that many answers, the like-for-like check.
     */
    record Result(int learners, double pearson, double spearman, double meanAbsoluteError, double intervalCoverage,
                  double sampleIntervalCoverage, double calibratedIntervalCoverage, Readiness.Dispersion dispersion, int trainLearners,
                  double firstHalfAccuracyPearson, List<Bin> calibration) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("learners", learners);
            m.put("pearson", pearson);
            m.put("spearman", spearman);
            m.put("meanAbsoluteError", meanAbsoluteError);
            m.put("intervalCoverage", intervalCoverage);
            m.put("sampleIntervalCoverage", sampleIntervalCoverage);
            m.put("calibratedIntervalCoverage", calibratedIntervalCoverage);
            m.put("dispersion", Map.of("extraVariance", dispersion.extraVariance(), "designEffect", dispersion.designEffect(),
                    "trainLearners", trainLearners));
            m.put("firstHalfAccuracyPearson", firstHalfAccuracyPearson);
            m.put("calibration", calibration.stream().map(b -> Map.of("from", b.from(), "to", b.to(), "learners", b.learners(),
                    "meanPredicted", b.meanPredicted(), "meanObserved", b.meanObserved())).toList());
            return m;
        }
    }

    Result run(AnswerLog train, AnswerLog test, int minAnswers) {
        double[] weights = skillWeights(train);
        // the items were calibrated on the training log already: its learners do not calibrate them again
        List<Learner> past = learners(train, weights, minAnswers, false, Readiness.Dispersion.NONE);
        Readiness.Dispersion dispersion = dispersion(past);
        return summarise(learners(test, weights, minAnswers, true, dispersion), dispersion, past.size());
    }

    private List<Learner> learners(AnswerLog log, double[] weights, int minAnswers, boolean calibrate, Readiness.Dispersion dispersion) {
        List<Learner> learners = new ArrayList<>();
        for (int[] rows : byLearner(log)) {
            if (rows.length >= minAnswers) {
                learners.add(learner(log, rows, weights, calibrate, dispersion));
            }
        }
        return learners;
    }

    private Learner learner(AnswerLog log, int[] rows, double[] weights, boolean calibrate, Readiness.Dispersion dispersion) {
        int half = rows.length / 2;
        LearnerState state = model.newState();
        double right = 0;
        for (int i = 0; i < half; i++) {
            int r = rows[i];
            ItemEstimate item = items.get(log.item(r));
            double p = model.update(state, item, log.skills(r), log.score(r), log.timestamp(r));
            if (calibrate) {
                model.calibrate(item, p, log.score(r));
            }
            right += log.score(r);
        }
        long at = log.timestamp(rows[half - 1]);
        List<Readiness.Topic> topics = new ArrayList<>();
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] > 0) {
                topics.add(new Readiness.Topic(Integer.toString(k), weights[k], model.mastery(state, k, at)));
            }
        }
        Readiness.Score score = readiness.score(topics);
        double later = 0;
        for (int i = half; i < rows.length; i++) {
            later += log.score(rows[i]);
        }
        int m = rows.length - half;
        return new Learner(score.score(), score.low(), score.high(), score.sd(), score.onQuestions(m), score.onQuestions(m, dispersion),
                later / m, right / half, rows.length);
    }

    /** How often each skill is asked in the training log, by skill id. */
    private static double[] skillWeights(AnswerLog train) {
        double[] w = new double[train.ids().skills().size()];
        for (int r = 0; r < train.size(); r++) {
            for (int k : train.skills(r)) {
                w[k]++;
            }
        }
        return w;
    }

    /** Each learner's row numbers in log order (time order within a learner). */
    private static List<int[]> byLearner(AnswerLog log) {
        Map<Integer, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < log.size(); r++) {
            rows.computeIfAbsent(log.learner(r), l -> new ArrayList<>()).add(r);
        }
        return rows.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /**
     * The dispersion of past learners: least squares of {@code (observed - predicted)^2 - sd^2} on
     * {@code [1, (p(1-p) - sd^2) / m]} (what {@link Readiness.Score#onQuestions(int, Readiness.Dispersion)} adds), kept
     * at no less than independent answers and no negative variance.
     */
    static Readiness.Dispersion dispersion(List<Learner> learners) {
        int n = learners.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Learner l = learners.get(i);
            double variance = l.sd() * l.sd();
            x[i] = Math.max(0, l.predicted() * (1 - l.predicted()) - variance) / l.secondHalf();
            y[i] = Math.pow(l.observed() - l.predicted(), 2) - variance;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double b = Math.max(1, sxx > 0 ? sxy / sxx : 1);
        double a = Math.max(0, my - b * mx);
        return new Readiness.Dispersion(a, b);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return v.length == 0 ? 0 : sum / v.length;
    }

    static Result summarise(List<Learner> learners) {
        return summarise(learners, Readiness.Dispersion.NONE, 0);
    }

    static Result summarise(List<Learner> learners, Readiness.Dispersion dispersion, int trainLearners) {
        int n = learners.size();
        if (n < 3) {
            throw new IllegalArgumentException("readiness needs at least 3 learners with enough answers, found " + n);
        }
        double[] predicted = learners.stream().mapToDouble(Learner::predicted).toArray();
        double[] observed = learners.stream().mapToDouble(Learner::observed).toArray();
        double[] firstHalf = learners.stream().mapToDouble(Learner::firstHalfAccuracy).toArray();
        double mae = 0;
        int covered = 0;
        int sampleCovered = 0;
        int calibratedCovered = 0;
        for (Learner l : learners) {
            mae += Math.abs(l.predicted() - l.observed());
            covered += l.observed() >= l.low() && l.observed() <= l.high() ? 1 : 0;
            sampleCovered += inside(l.observed(), l.sample());
            calibratedCovered += inside(l.observed(), l.calibrated());
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double from = (double) b / BINS;
            double to = (double) (b + 1) / BINS;
            int count = 0;
            double p = 0;
            double o = 0;
            for (Learner l : learners) {
                if (l.predicted() >= from && (l.predicted() < to || (b == BINS - 1 && l.predicted() <= to))) {
                    count++;
                    p += l.predicted();
                    o += l.observed();
                }
            }
            bins.add(new Bin(from, to, count, count == 0 ? Double.NaN : p / count, count == 0 ? Double.NaN : o / count));
        }
        return new Result(n, new PearsonsCorrelation().correlation(predicted, observed),
                new SpearmansCorrelation().correlation(predicted, observed), mae / n, (double) covered / n, (double) sampleCovered / n, (double) calibratedCovered / n, dispersion, trainLearners,
                new PearsonsCorrelation().correlation(firstHalf, observed), bins);
    }

    private static int inside(double value, Readiness.Interval interval) {
        return value >= interval.low() && value <= interval.high() ? 1 : 0;
    }
}
