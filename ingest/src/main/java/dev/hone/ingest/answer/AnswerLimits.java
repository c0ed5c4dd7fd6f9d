package dev.hone.ingest.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What an answer may look like.
 *
 * @param maxClockSkew     how far in the future answeredAt may be (client clocks drift)
 * @param maxAge           how old answeredAt may be (late answers from offline clients)
 * @param maxResponseMs    the longest time to answer that is believed (24 h)
 * @param maxResponseChars the longest text answer
 * @param maxChoices       the most ids a list response may hold
 * @param maxBatch         the most answers one batch request may hold
 */
@ConfigurationProperties("hone.answers")
public record AnswerLimits(
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("30d") Duration maxAge,
        @DefaultValue("86400000") long maxResponseMs,
        @DefaultValue("10000") int maxResponseChars,
        @DefaultValue("20") int maxChoices,
        @DefaultValue("500") int maxBatch) {
}
