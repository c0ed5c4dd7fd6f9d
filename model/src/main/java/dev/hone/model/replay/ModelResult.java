package dev.hone.model.replay;

import dev.hone.model.data.BadRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one model on one replay. Everything but {@code answersPerSecond} is deterministic. */
public record ModelResult(String model, long answers, int learners, double auc, double rmse, double logLoss,
        double accuracy, double ece, double answersPerSecond, double bytesPerLearner, int maxBytesPerLearner,
        long badRows, List<BadRows.BadRow> firstBadRows, long outOfOrderRows, List<SkillResult> bySkill) {

    /** The AUC on the answers that involve one skill. */
    public record SkillResult(String skill, long answers, double auc) {
    }

    /** The same figures with the throughput zeroed: what two replays of the same input must agree on. */
    public ModelResult deterministicPart() {
        return new ModelResult(model, answers, learners, auc, rmse, logLoss, accuracy, ece, 0, bytesPerLearner,
                maxBytesPerLearner, badRows, firstBadRows, outOfOrderRows, bySkill);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("answers", answers);
        m.put("learners", learners);
        m.put("auc", auc);
        m.put("rmse", rmse);
        m.put("logLoss", logLoss);
        m.put("accuracy", accuracy);
        m.put("ece", ece);
        m.put("answersPerSecond", Math.round(answersPerSecond));
        m.put("bytesPerLearner", bytesPerLearner);
        m.put("maxBytesPerLearner", maxBytesPerLearner);
        m.put("badRows", badRows);
        m.put("badRowLines", firstBadRows.stream()
                .map(b -> Map.<String, Object>of("line", b.line(), "reason", b.reason())).toList());
        m.put("outOfOrderRows", outOfOrderRows);
        if (!bySkill.isEmpty()) {
            m.put("bySkill", bySkill.stream().map(s -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("skill", s.skill());
                e.put("answers", s.answers());
                e.put("auc", s.auc());
                return e;
            }).toList());
        }
        return m;
    }
}
