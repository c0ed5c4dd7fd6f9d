package dev.hone.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The repeats of one measurement: median, min, max and spread ((max - min) / median), so a
 * figure from this shared machine always comes with how much it moved between runs.
 */
public record Summary(double median, double min, double max, double spread, List<Double> runs) {

    public Summary {
        runs = List.copyOf(runs);
    }

    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples: need at least one run");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double min = sorted.get(0);
        double max = sorted.get(n - 1);
        return new Summary(median, min, max, median == 0 ? 0 : (max - min) / Math.abs(median), samples);
    }

    /** The value at quantile {@code q} (nearest rank) of {@code samples}, e.g. 0.99 for p99. */
    public static double quantile(List<Double> samples, double q) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples: need at least one value");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
