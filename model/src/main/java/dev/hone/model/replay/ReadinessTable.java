package dev.hone.model.replay;

import java.io.PrintStream;

/** Prints the readiness check: agreement figures, then predicted against observed accuracy in ten bins. */
final class ReadinessTable {

    private ReadinessTable() {
    }

    static void print(ReadinessReplay.Result r, PrintStream out) {
        out.printf("readiness from the first half of each learner's answers vs accuracy on the second half (%d learners)%n",
                r.learners());
        out.printf("pearson %.4f  spearman %.4f  mean absolute error %.4f%n", r.pearson(), r.spearman(), r.meanAbsoluteError());
        out.printf("second-half accuracy inside the 95%% interval: the score's own (the expected share's) %.1f%%,"
                + " for that many independent answers %.1f%%, with the training log's dispersion %.1f%%%n",
                100 * r.intervalCoverage(), 100 * r.sampleIntervalCoverage(), 100 * r.calibratedIntervalCoverage());
        out.printf("(dispersion measured on %d training learners: extra sd %.4f, design effect %.2f)%n", r.trainLearners(),
                Math.sqrt(r.dispersion().extraVariance()), r.dispersion().designEffect());
        out.printf("(first-half accuracy alone: pearson %.4f)%n", r.firstHalfAccuracyPearson());
        out.println("| predicted | learners | mean predicted | mean observed |");
        out.println("|---|---|---|---|");
        for (ReadinessReplay.Bin b : r.calibration()) {
            out.printf("| %.1f-%.1f | %d | %s | %s |%n", b.from(), b.to(), b.learners(), fmt(b.meanPredicted()), fmt(b.meanObserved()));
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }
}
