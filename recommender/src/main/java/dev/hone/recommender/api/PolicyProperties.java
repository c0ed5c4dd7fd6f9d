package dev.hone.recommender.api;

import dev.hone.recommender.policy.PolicySettings;
import org.springframework.core.env.Environment;

/**
 * Binds {@code hone.policy.*} (kebab-case names of {@link PolicySettings}' fields, e.g.
 * {@code hone.policy.target-success}) over the policy's documented defaults. The settings record
 * stays plain Java for the simulator, so the binding lives here, in one place.
 */
final class PolicyProperties {

    private static final String PREFIX = "hone.policy.";

    private PolicyProperties() {
    }

    static PolicySettings bind(Environment env) {
        PolicySettings d = PolicySettings.defaults();
        return new PolicySettings(
                number(env, "target-success", d.targetSuccess()),
                number(env, "mastery-goal", d.masteryGoal()),
                number(env, "residual-correction", d.residualCorrection()),
                number(env, "offset-in-ranking", d.offsetInRanking()),
                number(env, "min-evidence", d.minEvidence()),
                number(env, "unknown-mastery", d.unknownMastery()),
                number(env, "weight-influence", d.weightInfluence()),
                number(env, "prerequisite-threshold", d.prerequisiteThreshold()),
                number(env, "prerequisite-margin", d.prerequisiteMargin()),
                number(env, "show-evidence", d.showEvidence()),
                number(env, "review-drop", d.reviewDrop()),
                number(env, "exploration-rate", d.explorationRate()),
                number(env, "exploration-min-sd", d.explorationMinSd()),
                env.getProperty(PREFIX + "max-per-topic", Integer.class, d.maxPerTopic()),
                env.getProperty(PREFIX + "kind-run-limit", Integer.class, d.kindRunLimit()),
                number(env, "kind-penalty", d.kindPenalty()),
                env.getProperty(PREFIX + "seed", Long.class, d.seed()));
    }

    private static double number(Environment env, String name, double fallback) {
        return env.getProperty(PREFIX + name, Double.class, fallback);
    }
}
