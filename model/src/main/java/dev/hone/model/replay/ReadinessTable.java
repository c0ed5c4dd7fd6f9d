package dev.hone.model.replay;

import java.io.PrintStream;

/** Prints the readiness check: agreement figures, then predicted against observed accuracy in ten bins. */
final class ReadinessTable {

    private ReadinessTable() {
    }

    static void print(ReadinessReplay.Result r, PrintStream out) {
        out.printf("readiness from the first half of each learner's answers vs accuracy on the second half (%d learners)%n",
                r.learners());
        out.printf("pearson %.4f  spearman %.4f  mean absolute error %.4f  95%% interval covers %.1f%% of learners%n",
                r.pearson(), r.spearman(), r.meanAbsoluteError(), 100 * r.intervalCoverage());
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
