package dev.hone.recommender.simulation;

/**
 * One policy's figures on one profile.
 *
 * @param medianAnswersToMastery    median over learners of the answers until every topic of their track is mastered
 *                                  (learners who never get there within the run count as infinitely many); null when
 *                                  more than half never get there
 * @param masteredShareAfterBudget  share of learners mastered within the budget of answers
 * @param meanSuccessRate           mean over learners of their share of correct answers
 * @param targetAdherence           share of learners whose rolling success rate over 20 answers, averaged over the run,
 *                                  is within 7 points of the policy's target
 * @param windowsInBand             share of all rolling 20-answer windows within 7 points of the target (table only)
 * @param meanAnswers               mean answers per learner run (table only)
 */
public record PolicyResult(Double medianAnswersToMastery, double masteredShareAfterBudget, double meanSuccessRate,
                           double targetAdherence, double windowsInBand, double meanAnswers) {
}
