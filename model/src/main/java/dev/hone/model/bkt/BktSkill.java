package dev.hone.model.bkt;

/**
 * One skill's Bayesian knowledge tracing parameters (Corbett & Anderson 1995), with forgetting.
 *
 * @param init   P(L0): the skill is known before the first answer
 * @param learn  P(T): an unknown skill becomes known after an answer
 * @param guess  P(G): a correct answer without knowing the skill
 * @param slip   P(S): a wrong answer despite knowing it
 * @param forget P(F): a known skill is forgotten after an answer
 */
public record BktSkill(double init, double learn, double guess, double slip, double forget) {

    static final double[] LOWER = {0.001, 0.001, 0.01, 0.01, 0.0};
    static final double[] UPPER = {0.999, 0.5, 0.45, 0.45, 0.3};

    static BktSkill of(double[] x) {
        return new BktSkill(x[0], x[1], x[2], x[3], x[4]);
    }

    double[] toArray() {
        return new double[] {init, learn, guess, slip, forget};
    }

    /** P(correct) when the skill is known with probability {@code known}. */
    double correct(double known) {
        return known * (1 - slip) + (1 - known) * guess;
    }

    /** P(known) after observing {@code score} (1 right, 0 wrong, or partial credit) and one learning step. */
    double next(double known, double score) {
        double pc = correct(known);
        double ifRight = known * (1 - slip) / pc;
        double ifWrong = known * slip / (1 - pc);
        double posterior = score * ifRight + (1 - score) * ifWrong;
        return posterior * (1 - forget) + (1 - posterior) * learn;
    }

    static BktSkill parse(String text) {
        String[] p = text.trim().split("\\s+");
        return new BktSkill(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                Double.parseDouble(p[3]), Double.parseDouble(p[4]));
    }

    String format() {
        return init + " " + learn + " " + guess + " " + slip + " " + forget;
    }
}
