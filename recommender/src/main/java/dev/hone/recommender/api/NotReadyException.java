package dev.hone.recommender.api;

/** The learner's state cannot be read right now (rebalance, restore): answered 503 with Retry-After. */
class NotReadyException extends RuntimeException {
    NotReadyException(String message) {
        super(message);
    }
}
