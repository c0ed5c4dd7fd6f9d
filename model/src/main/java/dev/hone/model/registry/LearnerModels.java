package dev.hone.model.registry;

import dev.hone.model.IdIndex;
import dev.hone.model.LearnerModel;
import dev.hone.model.Params;
import dev.hone.model.baseline.BaselineFitter;
import dev.hone.model.baseline.BaselineModel;
import dev.hone.model.bkt.BktFitter;
import dev.hone.model.bkt.BktModel;
import dev.hone.model.data.AnswerLog;
import dev.hone.model.elopfa.EloPfaFitter;
import dev.hone.model.elopfa.EloPfaModel;
import dev.hone.model.elopfa.EloPfaParams;
import dev.hone.model.item.ItemBank;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The models by name: {@code baseline}, {@code bkt}, {@code elo-pfa-noforget} and the production model
 * {@code elo-pfa} (the default). Builds a model from a {@link Params} file (missing entries fall back to
 * unfitted defaults), its item calibration, and fits its parameters on a training log.
 */
public final class LearnerModels {

    public static final String DEFAULT = EloPfaModel.NAME;
    public static final List<String> NAMES = List.of(BaselineModel.NAME, BktModel.NAME,
            EloPfaModel.NAME_WITHOUT_FORGETTING, EloPfaModel.NAME);
    private static final String ITEMS = ".item.";

    private LearnerModels() {
    }

    /** The model {@code name} with the parameters in {@code params}; skills are resolved through {@code skills}. */
    public static LearnerModel create(String name, Params params, IdIndex skills) {
        return switch (check(name)) {
            case BaselineModel.NAME -> BaselineModel.fromParams(params);
            case BktModel.NAME -> BktModel.fromParams(params, skills);
            case EloPfaModel.NAME -> new EloPfaModel(EloPfaParams.fromParams(params, name + ".", true), skills);
            default -> new EloPfaModel(EloPfaParams.fromParams(params, name + ".", false), skills);
        };
    }

    /** The production model from a params file written by {@code ./hone fit}. */
    public static LearnerModel production(Params params, IdIndex skills) {
        return create(DEFAULT, params, skills);
    }

    /** The item calibration stored with the model's parameters (empty for models without item parameters). */
    public static ItemBank items(String name, Params params, IdIndex itemIds) {
        double variance = params.getDouble(name + ".itemVariance", EloPfaFitter.ITEM_SD * EloPfaFitter.ITEM_SD);
        ItemBank bank = new ItemBank(itemIds, variance);
        bank.readFrom(params, name + ITEMS);
        return bank;
    }

    /** Fits the model's global parameters (and item calibration, if it has one) on a training log. */
    public static Params fit(String name, AnswerLog train, PrintStream progress) {
        Params out = new Params();
        switch (check(name)) {
            case BaselineModel.NAME -> BaselineFitter.fit(train).writeTo(out);
            case BktModel.NAME -> BktFitter.fit(train).writeTo(out);
            default -> {
                EloPfaFitter.Result r = EloPfaFitter.fit(train, name.equals(EloPfaModel.NAME), progress);
                r.params().writeTo(out, name + ".");
                r.items().writeTo(out, name + ITEMS);
            }
        }
        return out;
    }

    /** "all", one name, or a comma-separated list; throws on an unknown name. */
    public static List<String> parse(String spec) {
        if (spec.equals("all")) {
            return NAMES;
        }
        List<String> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            out.add(check(s.trim()));
        }
        return out;
    }

    private static String check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown model " + name + "; known: " + String.join(", ", NAMES));
        }
        return name;
    }
}
