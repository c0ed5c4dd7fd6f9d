package dev.hone.ingest.limit;

import dev.hone.ingest.web.RateLimitedException;
import org.springframework.stereotype.Component;

/** Per-client and per-learner request budgets; a request over either gets 429 with Retry-After. */
@Component
public class RateLimits {

    private final TokenBuckets clients;
    private final TokenBuckets learners;

    RateLimits(LimitSettings settings) {
        this.clients = new TokenBuckets(settings.perClient(), settings.maxTrackedKeys());
        this.learners = new TokenBuckets(settings.perLearner(), settings.maxTrackedKeys());
    }

    /** @throws RateLimitedException when the client has no request left for now */
    public void admitClient(String client) {
        clients.take(client).ifPresent(seconds -> {
            throw new RateLimitedException("client", seconds);
        });
    }

    /** @throws RateLimitedException when the learner has no answer left for now */
    public void admitLearner(String learnerId) {
        learners.take(learnerId).ifPresent(seconds -> {
            throw new RateLimitedException("learnerId", seconds);
        });
    }
}
