package dev.hone.model.elopfa;

import dev.hone.model.Params;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Global parameters of the production model, as fitted by {@link EloPfaFitter}: the logistic weights,
 * per-skill offsets (keyed by skill name; unknown skills use the global weights alone), the prior variances
 * of the online abilities and of a new item's difficulty, and the fixed feature settings.
 */
public final class EloPfaParams {

    double bias;
    final double[] skillWeights;
    final Map<String, double[]> skillOffsets;
    final double[] globalWeights;
    double learnerVariance;
    double skillVariance;
    double itemVariance;
    final Features.Settings settings;

    EloPfaParams(double bias, double[] skillWeights, Map<String, double[]> skillOffsets, double[] globalWeights,
            double learnerVariance, double skillVariance, double itemVariance, Features.Settings settings) {
        this.bias = bias;
        this.skillWeights = skillWeights;
        this.skillOffsets = new TreeMap<>(skillOffsets);
        this.globalWeights = globalWeights;
        this.learnerVariance = learnerVariance;
        this.skillVariance = skillVariance;
        this.itemVariance = itemVariance;
        this.settings = settings;
    }

    /** Unfitted defaults: plausible PFA-like weights, for a replay without training data. */
    public static EloPfaParams defaults(boolean forgetting) {
        return new EloPfaParams(0.5, new double[] {0, 0.3, -0.2, 1.0}, Map.of(),
                new double[] {0.05, -0.05, 0.5, forgetting ? -0.05 : 0, 0, 0}, 0.3, 0.1, 1.0,
                defaultSettings(forgetting));
    }

    static Features.Settings defaultSettings(boolean forgetting) {
        return new Features.Settings(0.7, 86_400, forgetting);
    }

    public boolean forgetting() {
        return settings.forgetting();
    }

    public static EloPfaParams fromParams(Params p, String prefix, boolean forgetting) {
        EloPfaParams d = defaults(forgetting);
        if (!p.has(prefix + "bias")) {
            return d;
        }
        Map<String, double[]> offsets = new TreeMap<>();
        p.withPrefix(prefix + "skill.").forEach((k, v) -> offsets.put(k, parse(v)));
        Features.Settings settings = new Features.Settings(p.getDouble(prefix + "recencyDecay", 0.7),
                p.getDouble(prefix + "timescaleSeconds", 86_400), forgetting);
        return new EloPfaParams(p.getDouble(prefix + "bias", d.bias), parse(p.get(prefix + "skillWeights")), offsets,
                parse(p.get(prefix + "globalWeights")), p.getDouble(prefix + "learnerVariance", d.learnerVariance),
                p.getDouble(prefix + "skillVariance", d.skillVariance), p.getDouble(prefix + "itemVariance", d.itemVariance),
                settings);
    }

    public void writeTo(Params p, String prefix) {
        p.put(prefix + "bias", bias);
        p.put(prefix + "skillWeights", format(skillWeights));
        p.put(prefix + "globalWeights", format(globalWeights));
        p.put(prefix + "learnerVariance", learnerVariance);
        p.put(prefix + "skillVariance", skillVariance);
        p.put(prefix + "itemVariance", itemVariance);
        p.put(prefix + "recencyDecay", settings.recencyDecay());
        p.put(prefix + "timescaleSeconds", settings.timescaleSeconds());
        skillOffsets.forEach((k, v) -> p.put(prefix + "skill." + k, format(v)));
    }

    private static double[] parse(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : " ").append(x);
        }
        return b.toString();
    }
}
