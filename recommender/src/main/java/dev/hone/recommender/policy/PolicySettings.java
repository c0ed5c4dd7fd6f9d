package dev.hone.recommender.policy;

/**
 * Every knob of the question policy, with its default in {@link #defaults()}. Plain record so the
 * API can bind it to configuration properties and the simulator can build it from a file; see
 * recommender/POLICY.md for what each knob does and why its default.
 *
 * @param targetSuccess          predicted success the policy aims each question at (0.75: hard enough to learn
 *                               from, easy enough to keep going)
 * @param masteryGoal            mastery (model's probability of answering an average item) at which a topic
 *                               stops counting as weak
 * @param residualCorrection     share of a topic's recent prediction error (score minus predicted success, moving
 *                               average) added to the model's predicted success when choosing the question nearest
 *                               the target: corrects a model that is off for this learner and topic
 * @param offsetInRanking        share of a topic's negative offset (TopicTally#offset: how far, in logits, the learner's
 *                               answers on the topic fall below the model's predictions) added to the model's mastery when
 *                               ranking topics; a positive offset is not used (see TopicPlanner#level)
 * @param minEvidence            answers on a topic before its estimate is trusted: until then the model's mastery
 *                               is mostly the learner's general ability, and the topic ranks as not practised
 * @param unknownMastery         mastery a topic with less than minEvidence answers is ranked at
 * @param weightInfluence        how much the track's weights tilt the ranking: a topic's need is multiplied by
 *                               1 - weightInfluence * (1 - weight), so 0 ignores weights and 1 uses them as they are
 * @param prerequisiteThreshold  mastery every prerequisite needs before a dependant is served, unless the
 *                               learner already shows the dependant (its own mastery at this level)
 * @param prerequisiteMargin     a prerequisite below the threshold still counts as met when it is at least this far
 *                               above the dependant's mastery
 * @param showEvidence           answers on a dependant before its own mastery counts as shown
 * @param reviewDrop             fall in mastery since the last practice that makes a topic below the goal a review
 * @param explorationRate        share of queue slots given, at random (seeded), to the most uncertain topic
 * @param explorationMinSd       sd of a mastery (probability scale) below which a topic is not worth exploring
 * @param maxPerTopic            most questions one topic may take in a queue
 * @param kindRunLimit           most questions of the same kind in a row when another kind fits
 * @param kindPenalty            how far (in predicted success) the policy moves off target to break a run of one kind
 * @param seed                   seed of the exploration draws: the same seed, state and time give the same queue
 */
public record PolicySettings(
        double targetSuccess,
        double masteryGoal,
        double residualCorrection,
        double offsetInRanking,
        double minEvidence,
        double unknownMastery,
        double weightInfluence,
        double prerequisiteThreshold,
        double prerequisiteMargin,
        double showEvidence,
        double reviewDrop,
        double explorationRate,
        double explorationMinSd,
        int maxPerTopic,
        int kindRunLimit,
        double kindPenalty,
        long seed) {

    public static final double DEFAULT_TARGET = 0.75;

    public PolicySettings {
        require(targetSuccess > 0 && targetSuccess < 1, "targetSuccess must be in (0,1)");
        require(masteryGoal > 0 && masteryGoal < 1, "masteryGoal must be in (0,1)");
        require(offsetInRanking >= 0 && offsetInRanking <= 1, "offsetInRanking must be in [0,1]");
        require(minEvidence >= 0, "minEvidence must be >= 0");
        require(unknownMastery >= 0 && unknownMastery <= 1, "unknownMastery must be in [0,1]");
        require(weightInfluence >= 0 && weightInfluence <= 1, "weightInfluence must be in [0,1]");
        require(prerequisiteThreshold >= 0 && prerequisiteThreshold < 1, "prerequisiteThreshold must be in [0,1)");
        require(explorationRate >= 0 && explorationRate <= 1, "explorationRate must be in [0,1]");
        require(maxPerTopic >= 1, "maxPerTopic must be at least 1");
        require(kindRunLimit >= 1, "kindRunLimit must be at least 1");
    }

    public static PolicySettings defaults() {
        return new PolicySettings(DEFAULT_TARGET, 0.85, 0.5, 0.5, 1, 0.5, 0.1, 0.6, 0.0, 3, 0.05, 0.05, 0.01, 1, 2, 0.1, 0L);
    }

    public PolicySettings withTargetSuccess(double target) {
        return new PolicySettings(target, masteryGoal, residualCorrection, offsetInRanking, minEvidence, unknownMastery, weightInfluence, prerequisiteThreshold, prerequisiteMargin, showEvidence, reviewDrop, explorationRate,
                explorationMinSd, maxPerTopic, kindRunLimit, kindPenalty, seed);
    }

    public PolicySettings withExplorationRate(double rate) {
        return new PolicySettings(targetSuccess, masteryGoal, residualCorrection, offsetInRanking, minEvidence, unknownMastery, weightInfluence, prerequisiteThreshold, prerequisiteMargin, showEvidence, reviewDrop, rate,
                explorationMinSd, maxPerTopic, kindRunLimit, kindPenalty, seed);
    }

    public PolicySettings withSeed(long newSeed) {
        return new PolicySettings(targetSuccess, masteryGoal, residualCorrection, offsetInRanking, minEvidence, unknownMastery, weightInfluence, prerequisiteThreshold, prerequisiteMargin, showEvidence, reviewDrop, explorationRate,
                explorationMinSd, maxPerTopic, kindRunLimit, kindPenalty, newSeed);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
