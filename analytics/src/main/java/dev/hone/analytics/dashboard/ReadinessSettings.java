package dev.hone.analytics.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the learner dashboard's readiness panel gets the current score.
 *
 * @param recommenderUrl any recommender instance (it routes to the learner's owner); its
 *                       {@code /api/v1/learners/{id}/readiness} gives the score, interval and best topics
 * @param timeout        how long the panel waits for it before showing the trend alone
 * @param practiceUrl    where a learner practises a topic (ingest's practice page, which serves that topic's questions), {topic} replaced by the topic id
 *
 * <p>What the trend counts a topic at before its first answer is not a setting: it is the prior the recommender's
 * score starts from ({@code UnpractisedPrior}), so the two cannot disagree.
 */
@ConfigurationProperties("hone.readiness")
public record ReadinessSettings(
        @DefaultValue("http://127.0.0.1:8081") String recommenderUrl,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("http://127.0.0.1:8080/practice/?topic={topic}") String practiceUrl) {
}
