package dev.hone.model.elopfa;

import dev.hone.model.IdIndex;
import dev.hone.model.LearnerModel;
import dev.hone.model.LearnerState;
import dev.hone.model.Logistic;
import dev.hone.model.Mastery;
import dev.hone.model.internal.ByteReader;
import dev.hone.model.internal.ByteWriter;
import dev.hone.model.item.ItemEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * The production model: a logistic model in the Best-LR / PFA family with online Elo-style abilities.
 *
 * <pre>
 * logit P(correct) = bias - difficulty(item) + ability(learner)
 *                  + sum over the item's skills k of [ ability(learner, k) + (W + w_k) . x_k ]
 *                  + G . g
 * </pre>
 * where {@code x_k} and {@code g} are the count, recency and forgetting {@link Features}, W and G fitted
 * offline, {@code w_k} per-skill offsets. The item difficulty is global ({@link ItemEstimate}, an Elo step
 * with shrinking K); the two abilities start at 0 with fitted prior variances and move after each answer by
 * an extended Kalman filter step on the logistic likelihood, i.e. an Elo update whose K shrinks with the
 * evidence (Pelanek 2016). Not thread-safe (scratch buffers): one instance per thread.
 */
public final class EloPfaModel implements LearnerModel {

    public static final String NAME = "elo-pfa";
    public static final String NAME_WITHOUT_FORGETTING = "elo-pfa-noforget";
    private static final int FORMAT = 1;

    private final String name;
    private final EloPfaParams params;
    private final IdIndex skills;
    private final List<double[]> weightsBySkill = new ArrayList<>();
    private double[] skillX = new double[Features.PER_SKILL * 8];
    private final double[] globalX = new double[Features.GLOBAL];

    public EloPfaModel(EloPfaParams params, IdIndex skills) {
        this.name = params.forgetting() ? NAME : NAME_WITHOUT_FORGETTING;
        this.params = params;
        this.skills = skills;
    }

    public EloPfaParams params() {
        return params;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LearnerState newState() {
        return new EloPfaState(params.learnerVariance);
    }

    @Override
    public double predict(LearnerState state, ItemEstimate item, int[] skillIds, long timestampSeconds) {
        return Logistic.sigmoid(logit((EloPfaState) state, item, skillIds, timestampSeconds));
    }

    private double logit(EloPfaState s, ItemEstimate item, int[] skillIds, long t) {
        if (skillX.length < skillIds.length * Features.PER_SKILL) {
            skillX = new double[skillIds.length * Features.PER_SKILL];
        }
        Features.extract(s, skillIds, t, params.settings, skillX, globalX);
        double z = params.bias - item.difficulty() + s.ability;
        for (int i = 0; i < skillIds.length; i++) {
            double[] w = weights(skillIds[i]);
            int o = i * Features.PER_SKILL;
            for (int j = 0; j < Features.PER_SKILL; j++) {
                z += w[j] * skillX[o + j];
            }
            int slot = s.slots.find(skillIds[i]);
            if (slot >= 0) {
                z += s.skillAbility[slot];
            }
        }
        for (int g = 0; g < Features.GLOBAL; g++) {
            z += params.globalWeights[g] * globalX[g];
        }
        return z;
    }

    /** Global skill weights plus the skill's fitted offsets, cached by skill id. */
    double[] weights(int skill) {
        while (weightsBySkill.size() <= skill) {
            weightsBySkill.add(null);
        }
        double[] w = weightsBySkill.get(skill);
        if (w == null) {
            w = params.skillWeights.clone();
            double[] offset = params.skillOffsets.get(skills.name(skill));
            if (offset != null) {
                for (int j = 0; j < w.length; j++) {
                    w[j] += offset[j];
                }
            }
            weightsBySkill.set(skill, w);
        }
        return w;
    }

    @Override
    public double update(LearnerState state, ItemEstimate item, int[] skillIds, double score, long timestampSeconds) {
        EloPfaState s = (EloPfaState) state;
        double p = Logistic.sigmoid(logit(s, item, skillIds, timestampSeconds));
        learnAbilities(s, skillIds, score, p);
        Features.learn(s, skillIds, score, timestampSeconds, params.settings, params.skillVariance);
        return p;
    }

    /** One extended-Kalman step on the learner's and the skills' abilities (diagonal covariance). */
    private void learnAbilities(EloPfaState s, int[] skillIds, double score, double p) {
        double w = p * (1 - p);
        double totalVariance = s.abilityVariance;
        for (int skill : skillIds) {
            int slot = s.slot(skill, params.skillVariance); // may grow the arrays: index first, then read
            totalVariance += s.skillAbilityVariance[slot];
        }
        double denominator = 1 + w * totalVariance;
        double residual = score - p;
        s.ability += (float) (s.abilityVariance * residual / denominator);
        s.abilityVariance -= (float) (s.abilityVariance * s.abilityVariance * w / denominator);
        for (int skill : skillIds) {
            int slot = s.slots.find(skill);
            double v = s.skillAbilityVariance[slot];
            s.skillAbility[slot] += (float) (v * residual / denominator);
            s.skillAbilityVariance[slot] -= (float) (v * v * w / denominator);
        }
    }

    @Override
    public void calibrate(ItemEstimate item, double predicted, double score) {
        item.observe(predicted, score);
    }

    /** Probability correct on an item of average difficulty (0) that tests only this skill. */
    @Override
    public Mastery mastery(LearnerState state, int skill, long timestampSeconds) {
        EloPfaState s = (EloPfaState) state;
        int[] one = {skill};
        double z = logit(s, AVERAGE_ITEM, one, timestampSeconds);
        int slot = s.slots.find(skill);
        double variance = s.abilityVariance + (slot < 0 ? params.skillVariance : s.skillAbilityVariance[slot]);
        double evidence = slot < 0 ? 0 : s.success[slot] + s.failure[slot];
        return Mastery.fromLogit(z, Math.sqrt(variance), evidence);
    }

    private static final ItemEstimate AVERAGE_ITEM = new ItemEstimate(0, 0, 0);

    @Override
    public byte[] serialise(LearnerState state) {
        EloPfaState s = (EloPfaState) state;
        ByteWriter out = new ByteWriter().writeByte(FORMAT).writeSignedVarLong(s.last)
                .writeFloat(s.totalSuccess).writeFloat(s.totalFailure).writeFloat(s.recentAll).writeFloat(s.ability).writeFloat(s.abilityVariance)
                .writeVarLong(s.slots.size());
        for (int i = 0; i < s.slots.size(); i++) {
            out.writeVarLong(s.slots.skill(i)).writeFloat(s.success[i]).writeFloat(s.failure[i]).writeFloat(s.recent[i])
                    .writeFloat(s.decayedSuccess[i]).writeFloat(s.decayedFailure[i])
                    .writeSignedVarLong(s.last - s.skillLast[i])
                    .writeFloat(s.skillAbility[i]).writeFloat(s.skillAbilityVariance[i]);
        }
        return out.toByteArray();
    }

    /** Every field of the state is a float or a long in memory and is stored as such. */
    @Override
    public boolean serialisesExactly() {
        return true;
    }

    @Override
    public LearnerState deserialise(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        if (in.readByte() != FORMAT) {
            throw new IllegalArgumentException("not an elo-pfa state");
        }
        EloPfaState s = new EloPfaState(0);
        s.last = in.readSignedVarLong();
        s.totalSuccess = in.readFloat();
        s.totalFailure = in.readFloat();
        s.recentAll = in.readFloat();
        s.ability = in.readFloat();
        s.abilityVariance = in.readFloat();
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            int slot = s.slot(in.readVarInt(), 0);
            s.success[slot] = in.readFloat();
            s.failure[slot] = in.readFloat();
            s.recent[slot] = in.readFloat();
            s.decayedSuccess[slot] = in.readFloat();
            s.decayedFailure[slot] = in.readFloat();
            s.skillLast[slot] = s.last - in.readSignedVarLong();
            s.skillAbility[slot] = in.readFloat();
            s.skillAbilityVariance[slot] = in.readFloat();
        }
        return s;
    }
}
