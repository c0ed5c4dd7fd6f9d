package dev.hone.recommender.api;

import dev.hone.model.readiness.Readiness;
import dev.hone.recommender.placement.PlacementSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hone.placement.*} and {@code hone.readiness.*}: the placement's and the readiness score's knobs
 * (meaning in {@link PlacementSettings} and {@link Readiness}; defaults there, repeated here for the binder).
 */
@ConfigurationProperties("hone")
record PlacementProperties(@DefaultValue Placement placement, @DefaultValue ReadinessKnobs readiness) {

    /**
     * @param cap                     most questions a placement asks (1-50)
     * @param confidenceSd            stop once the track-weighted mean sd of the masteries is at most this
     * @param abilitySd               prior sd (logit) of the general ability
     * @param topicSd                 prior sd (logit) of a topic's own deviation
     * @param prerequisiteCorrelation share of a topic's deviation inherited from its prerequisites
     */
    record Placement(@DefaultValue("20") int cap, @DefaultValue("0.1") double confidenceSd, @DefaultValue("0.8") double abilitySd,
                     @DefaultValue("0.8") double topicSd, @DefaultValue("0.3") double prerequisiteCorrelation) {

        PlacementSettings settings() {
            return new PlacementSettings(cap, confidenceSd, abilitySd, topicSd, prerequisiteCorrelation);
        }
    }

    /**
     * @param answersPerHour     answers an hour of practice holds
     * @param logitGainPerAnswer logit a topic's mastery gains per answer
     * @param sharedShare        share of a topic's uncertainty shared by every topic (the general ability)
     */
    record ReadinessKnobs(@DefaultValue("20") double answersPerHour, @DefaultValue("0.1") double logitGainPerAnswer,
                          @DefaultValue("0.5") double sharedShare) {

        Readiness.Settings settings() {
            return new Readiness.Settings(answersPerHour, logitGainPerAnswer, 3, sharedShare);
        }
    }
}
