package dev.hone.model.item;

import dev.hone.model.IdIndex;
import dev.hone.model.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The calibration of every item, keyed by dense item ids from an {@link IdIndex}. New items start at a
 * prior: mean 0 (or from the catalog difficulty, 1 = easiest .. 5 = hardest) and variance
 * {@code priorVariance}. Not thread-safe.
 */
public final class ItemBank {

    /** Logit difference between adjacent catalog difficulty levels, used only for items never answered. */
    public static final double LOGIT_PER_CATALOG_LEVEL = 0.5;

    private final IdIndex ids;
    private final double priorVariance;
    private final List<ItemEstimate> estimates = new ArrayList<>();

    public ItemBank(IdIndex ids, double priorVariance) {
        this.ids = ids;
        this.priorVariance = priorVariance;
    }

    public IdIndex ids() {
        return ids;
    }

    /** The estimate for an item id, created at the uninformed prior if new. */
    public ItemEstimate get(int item) {
        while (estimates.size() <= item) {
            estimates.add(null);
        }
        ItemEstimate e = estimates.get(item);
        if (e == null) {
            e = new ItemEstimate(0, priorVariance, 0);
            estimates.set(item, e);
        }
        return e;
    }

    public ItemEstimate get(String itemId) {
        return get(ids.intern(itemId));
    }

    /** Registers an item with its catalog difficulty (1..5) as prior, unless it is already calibrated. */
    public ItemEstimate withCatalogPrior(String itemId, int catalogDifficulty) {
        int item = ids.intern(itemId);
        ItemEstimate e = get(item);
        if (e.answers() == 0) {
            e = new ItemEstimate(priorForCatalogDifficulty(catalogDifficulty), priorVariance, 0);
            estimates.set(item, e);
        }
        return e;
    }

    public static double priorForCatalogDifficulty(int level) {
        return LOGIT_PER_CATALOG_LEVEL * (level - 3);
    }

    public void put(int item, ItemEstimate estimate) {
        get(item);
        estimates.set(item, estimate);
    }

    public boolean contains(int item) {
        return item < estimates.size() && estimates.get(item) != null;
    }

    /** Writes every calibrated item as {@code prefix + itemId = "difficulty variance answers"}. */
    public void writeTo(Params params, String prefix) {
        for (int i = 0; i < estimates.size(); i++) {
            ItemEstimate e = estimates.get(i);
            if (e != null && e.answers() > 0) {
                params.put(prefix + ids.name(i), e.difficulty() + " " + e.variance() + " " + Math.round(e.answers()));
            }
        }
    }

    /** Loads what {@link #writeTo} wrote; returns how many items were loaded. */
    public int readFrom(Params params, String prefix) {
        int n = 0;
        for (var entry : params.withPrefix(prefix).entrySet()) {
            String[] parts = entry.getValue().trim().split("\\s+");
            put(ids.intern(entry.getKey()), new ItemEstimate(Double.parseDouble(parts[0]),
                    Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
            n++;
        }
        return n;
    }
}
