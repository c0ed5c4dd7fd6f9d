package dev.hone.recommender.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a request for a learner another instance owns is passed on.
 *
 * @param timeout how long connecting to the owner, and then waiting for its answer, may take: an
 *                owner that hangs (a long GC, a machine going away) must not hold the caller's
 *                request, and threads, for longer; past it the caller gets 503 with Retry-After
 */
@ConfigurationProperties("hone.forwarding")
public record ForwardingSettings(@DefaultValue("5s") Duration timeout) {
}
