package dev.hone.analytics.dashboard;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Questions that look broken, each with its reasons; thresholds are {@link DashboardSettings}. */
@Component
class FlaggedQuestions {

    private final ProductDashboard product;
    private final DashboardSettings settings;

    FlaggedQuestions(ProductDashboard product, DashboardSettings settings) {
        this.product = product;
        this.settings = settings;
    }

    record Row(String questionId, String topicId, long answers, Double pValue, Double discrimination, String reasons) {
    }

    record View(String cohort, String track, List<Row> questions) implements Tabular {
        @Override
        public List<Row> rows() {
            return questions;
        }
    }

    View of(DashboardFilter filter) {
        List<Row> rows = new ArrayList<>();
        for (ProductDashboard.QuestionRow q : product.questions(filter).questions()) {
            List<String> reasons = reasons(q);
            if (!reasons.isEmpty()) {
                rows.add(new Row(q.questionId(), q.topicId(), q.answers(), q.pValue(), q.discrimination(), String.join("; ", reasons)));
            }
        }
        return new View(filter.cohort(), filter.track(), rows);
    }

    List<String> reasons(ProductDashboard.QuestionRow q) {
        var reasons = new ArrayList<String>();
        if (q.answers() < settings.minFlagAnswers() || q.pValue() == null) {
            return reasons;
        }
        if (q.pValue() > settings.tooEasy()) {
            reasons.add("too easy (p = " + Rates.round(q.pValue()) + ")");
        }
        if (q.pValue() < settings.tooHard()) {
            reasons.add("too hard (p = " + Rates.round(q.pValue()) + ")");
        }
        if (q.discrimination() != null && q.discrimination() < settings.lowDiscrimination()) {
            reasons.add((q.discrimination() < 0 ? "negative" : "low") + " discrimination (" + q.discrimination() + ")");
        }
        long keyChosen = q.options().stream().filter(ProductDashboard.OptionShare::key).mapToLong(ProductDashboard.OptionShare::chosen).max().orElse(-1);
        for (ProductDashboard.OptionShare o : q.options()) {
            if (o.key()) {
                continue;
            }
            if (o.share() != null && o.share() < settings.rareDistractor()) {
                reasons.add("distractor " + o.optionId() + " almost never chosen (" + Rates.round(o.share()) + ")");
            }
            if (keyChosen >= 0 && o.chosen() > keyChosen) {
                reasons.add("distractor " + o.optionId() + " chosen more than the key");
            }
        }
        return reasons;
    }
}
