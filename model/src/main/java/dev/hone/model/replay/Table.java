package dev.hone.model.replay;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints replay results as a plain-text table. */
final class Table {

    private Table() {
    }

    static void print(List<ModelResult> results, PrintStream out) {
        out.printf("%-17s %9s %8s %7s %7s %8s %7s %7s %10s %8s %8s%n", "model", "answers", "learners", "AUC", "RMSE",
                "logLoss", "acc", "ECE", "answers/s", "B/learner", "badRows");
        for (ModelResult r : results) {
            out.printf("%-17s %9d %8d %7.4f %7.4f %8.4f %7.4f %7.4f %10.0f %8.0f %8d%n", r.model(), r.answers(),
                    r.learners(), r.auc(), r.rmse(), r.logLoss(), r.accuracy(), r.ece(), r.answersPerSecond(),
                    r.bytesPerLearner(), r.badRows());
        }
        ModelResult first = results.get(0);
        for (var bad : first.firstBadRows().subList(0, Math.min(5, first.firstBadRows().size()))) {
            out.println("bad row: " + bad);
        }
        if (first.outOfOrderRows() > 0) {
            out.printf("%d answers were earlier than their learner's previous answer (elapsed time taken as 0)%n",
                    first.outOfOrderRows());
        }
    }

    /** One row per skill, the most answered first, one AUC column per model. */
    static void printBySkill(List<ModelResult> results, PrintStream out) {
        Map<String, double[]> auc = new TreeMap<>();
        Map<String, Long> answers = new TreeMap<>();
        for (int m = 0; m < results.size(); m++) {
            for (ModelResult.SkillResult s : results.get(m).bySkill()) {
                auc.computeIfAbsent(s.skill(), k -> new double[results.size()])[m] = s.auc();
                answers.put(s.skill(), s.answers());
            }
        }
        out.println();
        out.printf("%-24s %8s", "skill", "answers");
        results.forEach(r -> out.printf(" %17s", r.model()));
        out.println();
        answers.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    out.printf("%-24s %8d", e.getKey(), e.getValue());
                    for (double v : auc.get(e.getKey())) {
                        out.printf(" %17.4f", v);
                    }
                    out.println();
                });
    }
}
