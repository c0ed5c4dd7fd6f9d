package dev.hone.recommender.simulation;

/**
 * Answers to mastery saved by one arm over another on the same learners (learner {@code i} is the same hidden
 * learner in both arms). A difference of medians over a few hundred learners moves by several percent between
 * seeds; the per-learner difference cancels most of the between-learner spread, so its mean and standard error
 * say whether a saving is there at all. A learner who does not reach mastery within the run counts at the
 * answers they were given (a lower bound), so a saving among slow learners is under-counted, not invented.
 *
 * @param meanSaved  mean over learners of (answers without - answers with): positive when the second arm is faster
 * @param standardError standard error of that mean
 * @param fasterShare share of learners who reached mastery in fewer answers with the second arm
 * @param slowerShare share who needed more
 */
record PairedSaving(int learners, double meanSaved, double standardError, double fasterShare, double slowerShare) {

    static PairedSaving of(Simulation.LearnerRun[] without, Simulation.LearnerRun[] with) {
        int n = Math.min(without.length, with.length);
        double sum = 0;
        double squares = 0;
        int faster = 0;
        int slower = 0;
        for (int i = 0; i < n; i++) {
            double d = answers(without[i]) - answers(with[i]);
            sum += d;
            squares += d * d;
            faster += d > 0 ? 1 : 0;
            slower += d < 0 ? 1 : 0;
        }
        if (n == 0) {
            return new PairedSaving(0, 0, 0, 0, 0);
        }
        double mean = sum / n;
        double variance = n > 1 ? (squares - n * mean * mean) / (n - 1) : 0;
        return new PairedSaving(n, mean, Math.sqrt(Math.max(0, variance) / n), (double) faster / n, (double) slower / n);
    }

    private static double answers(Simulation.LearnerRun run) {
        return run.answersToMastery() >= 0 ? run.answersToMastery() : run.outcomes().length;
    }
}
