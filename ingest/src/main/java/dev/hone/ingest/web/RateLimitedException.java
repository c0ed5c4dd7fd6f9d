package dev.hone.ingest.web;

/** A client or learner used up their request budget; answered with 429 and Retry-After. */
public class RateLimitedException extends RuntimeException {

    private final String field;
    private final long retryAfterSeconds;

    /**
     * @param field             what the limit is keyed by, as the client sees it ("client", "learnerId")
     * @param retryAfterSeconds when the next request will be admitted, rounded up to whole seconds
     */
    public RateLimitedException(String field, long retryAfterSeconds) {
        super("rate limit of " + field + " reached");
        this.field = field;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
