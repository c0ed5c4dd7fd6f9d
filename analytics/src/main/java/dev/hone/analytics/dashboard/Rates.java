package dev.hone.analytics.dashboard;

/** Shares that stay finite in JSON: no answers means no rate (null), not NaN. */
final class Rates {

    private Rates() {
    }

    /** Exact, not rounded: clients compare it with their own correct / answers. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? round(v) : null;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
