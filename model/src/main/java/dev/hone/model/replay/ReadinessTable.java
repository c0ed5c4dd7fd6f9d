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
        out.printf("second-half accuracy inside the 95%% interval for that many answers: %.1f%% of learners"
                + " (inside the score's own interval, the expected share's: %.1f%%)%n", 100 * r.sampleIntervalCoverage(), 100 * r.intervalCoverage());
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
