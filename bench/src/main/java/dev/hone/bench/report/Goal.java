package dev.hone.bench.report;

/**
 * A row's goal: on the ratio to the peer, or on Hone's own figure, or none (report only).
 *
 * @param on        what the goal reads: the ratio, Hone's median, or nothing
 * @param atLeast   true for "at least", false for "below"
 * @param threshold the bound
 * @param text      as the table shows it, e.g. "ratio >= 0.5"
 */
public record Goal(On on, boolean atLeast, double threshold, String text) {

    public enum On { RATIO, HONE, NONE }

    public static Goal ratioAtLeast(double threshold) {
        return new Goal(On.RATIO, true, threshold, "ratio >= " + threshold);
    }

    public static Goal atLeast(double threshold, String text) {
        return new Goal(On.HONE, true, threshold, text);
    }

    public static Goal below(double threshold, String text) {
        return new Goal(On.HONE, false, threshold, text);
    }

    public static Goal report() {
        return new Goal(On.NONE, true, 0, "report");
    }

    /** Whether the goal is met; null when the row has no goal or lacks the figure it reads. */
    public Boolean met(Double hone, Double ratio) {
        Double value = switch (on) {
            case RATIO -> ratio;
            case HONE -> hone;
            case NONE -> null;
        };
        if (value == null) {
            return null;
        }
        return atLeast ? value >= threshold : value < threshold;
    }
}
