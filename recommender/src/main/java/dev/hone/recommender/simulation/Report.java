package dev.hone.recommender.simulation;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The --report file: a list with one entry per profile, {profile, learners, seed, policies: {NAME: {...}}}. */
final class Report {

    private Report() {
    }

    static String json(List<SimulateCommand.Entry> entries) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < entries.size(); i++) {
            SimulateCommand.Entry e = entries.get(i);
            out.append("  {\"profile\": ").append(string(e.profile().name()))
                    .append(", \"learners\": ").append(e.learners())
                    .append(", \"seed\": ").append(e.seed())
                    .append(", \"policies\": {");
            Iterator<Map.Entry<String, PolicyResult>> it = e.policies().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, PolicyResult> p = it.next();
                PolicyResult r = p.getValue();
                out.append("\n    ").append(string(p.getKey())).append(": {\"medianAnswersToMastery\": ")
                        .append(r.medianAnswersToMastery() == null ? "null" : number(r.medianAnswersToMastery()))
                        .append(", \"masteredShareAfterBudget\": ").append(number(r.masteredShareAfterBudget()))
                        .append(", \"meanSuccessRate\": ").append(number(r.meanSuccessRate()))
                        .append(", \"targetAdherence\": ").append(number(r.targetAdherence())).append('}')
                        .append(it.hasNext() ? "," : "");
            }
            out.append("}}").append(i + 1 < entries.size() ? "," : "").append('\n');
        }
        return out.append("]\n").toString();
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.4f", x).replaceFirst("0+$", "").replaceFirst("\\.$", ".0");
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
