package dev.hone.recommender.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The learner model the recommender runs (the policy's knobs are hone.policy.*, see PolicyProperties).
 *
 * @param params        parameters file written by {@code ./hone fit}; blank for the bundled defaults
 * @param name          which model: elo-pfa (production), elo-pfa-noforget, bkt or baseline
 */
@ConfigurationProperties("hone.model")
public record ModelSettings(
        @DefaultValue("") String params,
        @DefaultValue("elo-pfa") String name) {
}
