package dev.hone.model.item;

import dev.hone.model.internal.ByteReader;
import dev.hone.model.internal.ByteWriter;

/**
 * The calibrated difficulty of one item (on the logit scale: higher is harder), its variance, and how
 * many answers it rests on. Global state: one per item, shared by every learner. Mutable; the model that
 * owns the calibration rule updates it through {@code LearnerModel.calibrate}.
 */
public final class ItemEstimate {

    private double difficulty;
    private double variance;
    private double answers;

    public ItemEstimate(double difficulty, double variance, double answers) {
        this.difficulty = difficulty;
        this.variance = variance;
        this.answers = answers;
    }

    public double difficulty() {
        return difficulty;
    }

    public double variance() {
        return variance;
    }

    public double answers() {
        return answers;
    }

    /**
     * One step of an extended Kalman filter for a logistic observation: the difficulty moves against the
     * surprise {@code score - predicted}, by less the more certain it already is (an Elo step whose K shrinks
     * as evidence accumulates, Pelanek 2016).
     */
    public void observe(double predicted, double score) {
        double w = predicted * (1 - predicted);
        double gain = variance / (1 + w * variance);
        difficulty -= gain * (score - predicted);
        variance = gain;
        answers += 1;
    }

    public byte[] toBytes() {
        return new ByteWriter().writeFloat((float) difficulty).writeFloat((float) variance)
                .writeVarLong(Math.round(answers)).toByteArray();
    }

    public static ItemEstimate fromBytes(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        return new ItemEstimate(in.readFloat(), in.readFloat(), in.readVarLong());
    }

    @Override
    public String toString() {
        return "ItemEstimate[difficulty=" + difficulty + ", variance=" + variance + ", answers=" + answers + "]";
    }
}
