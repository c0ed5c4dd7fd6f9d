package dev.hone.model.replay;

import dev.hone.model.LearnerModel;
import dev.hone.model.LearnerState;
import dev.hone.model.data.AnswerCsvReader;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.data.AnswerRow;
import dev.hone.model.data.BadRows;
import dev.hone.model.data.Ids;
import dev.hone.model.eval.Metrics;
import dev.hone.model.item.ItemBank;
import dev.hone.model.item.ItemEstimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Prequential replay of one model: optionally warm up on a training log, then stream a file, and for each
 * answer (in file order, which is time order within each learner) predict, score the prediction, learn the
 * answer, and calibrate the item. Memory grows with learners and items, not with rows.
 */
public final class Replay {

    private final LearnerModel model;
    private final ItemBank items;
    private final List<LearnerState> states = new ArrayList<>();

    public Replay(LearnerModel model, ItemBank items) {
        this.model = model;
        this.items = items;
    }

    /** Learns a training log without scoring it; items are calibrated only if {@code calibrateItems}. */
    public void warmUp(AnswerLog log, boolean calibrateItems) {
        for (int r = 0; r < log.size(); r++) {
            LearnerState state = state(log.learner(r));
            ItemEstimate item = items.get(log.item(r));
            double y = log.score(r);
            double p = model.update(state, item, log.skills(r), y, log.timestamp(r));
            if (calibrateItems) {
                model.calibrate(item, p, y);
            }
        }
    }

    /** Streams {@code file}, scoring the learners that pass {@code scored} and skipping the others. */
    public ModelResult score(Path file, Ids ids, boolean strict, IntPredicate scored, boolean bySkill) throws IOException {
        BadRows bad = new BadRows();
        Metrics metrics = Metrics.overall();
        List<Metrics> skillMetrics = new ArrayList<>();
        boolean[] seen = new boolean[1024];
        int learners = 0;
        long outOfOrder = 0;
        AnswerRow row = new AnswerRow();
        long start = System.nanoTime();
        try (AnswerCsvReader reader = AnswerCsvReader.open(file, ids, bad, strict)) {
            while (reader.next(row)) {
                int l = row.learner();
                if (!scored.test(l)) {
                    continue;
                }
                if (l >= seen.length) {
                    seen = java.util.Arrays.copyOf(seen, Math.max(l + 1, seen.length * 2));
                }
                if (!seen[l]) {
                    seen[l] = true;
                    learners++;
                }
                LearnerState state = state(l);
                if (row.timestamp() < state.lastTimestamp()) {
                    outOfOrder++;
                }
                ItemEstimate item = items.get(row.item());
                double y = row.score();
                double p = model.update(state, item, row.skills(), y, row.timestamp());
                model.calibrate(item, p, y);
                metrics.add(p, y);
                if (bySkill) {
                    for (int k : row.skills()) {
                        while (skillMetrics.size() <= k) {
                            skillMetrics.add(null);
                        }
                        if (skillMetrics.get(k) == null) {
                            skillMetrics.set(k, new Metrics(1 << 10));
                        }
                        skillMetrics.get(k).add(p, y);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = 0;
        int maxBytes = 0;
        for (int l = 0; l < seen.length; l++) {
            if (seen[l]) {
                int size = model.serialise(states.get(l)).length;
                bytes += size;
                maxBytes = Math.max(maxBytes, size);
            }
        }
        List<ModelResult.SkillResult> skills = new ArrayList<>();
        for (int k = 0; k < skillMetrics.size(); k++) {
            Metrics m = skillMetrics.get(k);
            if (m != null) {
                skills.add(new ModelResult.SkillResult(ids.skills().name(k), m.count(), m.auc()));
            }
        }
        return new ModelResult(model.name(), metrics.count(), learners, metrics.auc(), metrics.rmse(), metrics.logLoss(),
                metrics.accuracy(), metrics.ece(), metrics.count() / seconds, learners == 0 ? 0 : (double) bytes / learners,
                maxBytes, bad.count(), bad.first(), outOfOrder, skills);
    }

    private LearnerState state(int learner) {
        while (states.size() <= learner) {
            states.add(null);
        }
        LearnerState s = states.get(learner);
        if (s == null) {
            s = model.newState();
            states.set(learner, s);
        }
        return s;
    }
}
