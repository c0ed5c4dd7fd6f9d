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
    record Learner(double predicted, double low, double high, double sampleLow, double sampleHigh, double observed,
                   double firstHalfAccuracy, int answers) {
    }

    record Bin(double from, double to, int learners, double meanPredicted, double meanObserved) {
    }

    /**
     * {@code intervalCoverage}: observed second-half accuracy inside the score's interval (which is about the expected
     * share, so it is bound to miss a finite sample's spread); {@code sampleIntervalCoverage}: inside the interval for
     * that many answers, the like-for-like check.
     */
    record Result(int learners, double pearson, double spearman, double meanAbsoluteError, double intervalCoverage,
                  double sampleIntervalCoverage, double firstHalfAccuracyPearson, List<Bin> calibration) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("learners", learners);
            m.put("pearson", pearson);
            m.put("spearman", spearman);
            m.put("meanAbsoluteError", meanAbsoluteError);
            m.put("intervalCoverage", intervalCoverage);
            m.put("sampleIntervalCoverage", sampleIntervalCoverage);
            m.put("firstHalfAccuracyPearson", firstHalfAccuracyPearson);
            m.put("calibration", calibration.stream().map(b -> Map.of("from", b.from(), "to", b.to(), "learners", b.learners(),
                    "meanPredicted", b.meanPredicted(), "meanObserved", b.meanObserved())).toList());
            return m;
        }
    }

    Result run(AnswerLog train, AnswerLog test, int minAnswers) {
        double[] weights = skillWeights(train);
        List<Learner> learners = new ArrayList<>();
        for (int[] rows : byLearner(test)) {
            if (rows.length >= minAnswers) {
                learners.add(learner(test, rows, weights));
            }
        }
        return summarise(learners);
    }

    private Learner learner(AnswerLog log, int[] rows, double[] weights) {
        int half = rows.length / 2;
        LearnerState state = model.newState();
        double right = 0;
        for (int i = 0; i < half; i++) {
            int r = rows[i];
            ItemEstimate item = items.get(log.item(r));
            double p = model.update(state, item, log.skills(r), log.score(r), log.timestamp(r));
            model.calibrate(item, p, log.score(r));
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
        Readiness.Interval sample = score.onQuestions(rows.length - half);
        return new Learner(score.score(), score.low(), score.high(), sample.low(), sample.high(), later / (rows.length - half),
                right / half, rows.length);
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

    static Result summarise(List<Learner> learners) {
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
        for (Learner l : learners) {
            mae += Math.abs(l.predicted() - l.observed());
            covered += l.observed() >= l.low() && l.observed() <= l.high() ? 1 : 0;
            sampleCovered += l.observed() >= l.sampleLow() && l.observed() <= l.sampleHigh() ? 1 : 0;
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
                new SpearmansCorrelation().correlation(predicted, observed), mae / n, (double) covered / n, (double) sampleCovered / n,
                new PearsonsCorrelation().correlation(firstHalf, observed), bins);
    }
}
