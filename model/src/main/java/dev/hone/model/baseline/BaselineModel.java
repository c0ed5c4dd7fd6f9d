package dev.hone.model.baseline;

import dev.hone.model.LearnerModel;
import dev.hone.model.LearnerState;
import dev.hone.model.Mastery;
import dev.hone.model.Params;
import dev.hone.model.internal.ByteReader;
import dev.hone.model.internal.ByteWriter;
import dev.hone.model.item.ItemEstimate;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Smoothed per-skill running accuracy: {@code (correct + a*m) / (attempts + a)}, averaged over the item's
 * skills. {@code m} is the training mean and {@code a} a prior strength in pseudo-answers (a Beta prior),
 * both fitted by {@link BaselineFitter}. No item difficulty, no forgetting: the yardstick.
 */
public final class BaselineModel implements LearnerModel {

    public static final String NAME = "baseline";
    private static final int FORMAT = 1;

    private final double priorMean;
    private final double priorStrength;

    public BaselineModel(double priorMean, double priorStrength) {
        this.priorMean = priorMean;
        this.priorStrength = priorStrength;
    }

    public static BaselineModel fromParams(Params params) {
        return new BaselineModel(params.getDouble(NAME + ".priorMean", 0.65), params.getDouble(NAME + ".priorStrength", 2));
    }

    public void writeTo(Params params) {
        params.put(NAME + ".priorMean", priorMean).put(NAME + ".priorStrength", priorStrength);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LearnerState newState() {
        return new BaselineState();
    }

    @Override
    public double predict(LearnerState state, ItemEstimate item, int[] skills, long timestampSeconds) {
        BaselineState s = (BaselineState) state;
        double sum = 0;
        for (int skill : skills) {
            int slot = s.slots.find(skill);
            sum += slot < 0 ? priorMean : smoothed(s.correct[slot], s.attempts[slot]);
        }
        return sum / skills.length;
    }

    private double smoothed(double correct, double attempts) {
        return (correct + priorStrength * priorMean) / (attempts + priorStrength);
    }

    @Override
    public double update(LearnerState state, ItemEstimate item, int[] skills, double score, long timestampSeconds) {
        double p = predict(state, item, skills, timestampSeconds);
        BaselineState s = (BaselineState) state;
        for (int skill : skills) {
            int slot = s.slot(skill);
            s.correct[slot] += (float) score;
            s.attempts[slot] += 1;
        }
        s.last = timestampSeconds;
        return p;
    }

    /** The Beta posterior of the skill's success rate: its mean, sd and 95% interval. */
    @Override
    public Mastery mastery(LearnerState state, int skill, long timestampSeconds) {
        BaselineState s = (BaselineState) state;
        int slot = s.slots.find(skill);
        double correct = slot < 0 ? 0 : s.correct[slot];
        double attempts = slot < 0 ? 0 : s.attempts[slot];
        double alpha = correct + priorStrength * priorMean;
        double beta = attempts - correct + priorStrength * (1 - priorMean);
        BetaDistribution posterior = new BetaDistribution(null, alpha, beta);
        return new Mastery(posterior.getNumericalMean(), Math.sqrt(posterior.getNumericalVariance()),
                posterior.inverseCumulativeProbability(0.025), posterior.inverseCumulativeProbability(0.975), attempts);
    }

    @Override
    public byte[] serialise(LearnerState state) {
        BaselineState s = (BaselineState) state;
        ByteWriter out = new ByteWriter().writeByte(FORMAT).writeSignedVarLong(s.last).writeVarLong(s.slots.size());
        for (int i = 0; i < s.slots.size(); i++) {
            out.writeVarLong(s.slots.skill(i)).writeFloat(s.correct[i]).writeFloat(s.attempts[i]);
        }
        return out.toByteArray();
    }

    @Override
    public LearnerState deserialise(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        if (in.readByte() != FORMAT) {
            throw new IllegalArgumentException("not a baseline state");
        }
        BaselineState s = new BaselineState();
        s.last = in.readSignedVarLong();
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            int slot = s.slot(in.readVarInt());
            s.correct[slot] = in.readFloat();
            s.attempts[slot] = in.readFloat();
        }
        return s;
    }
}
