package dev.hone.recommender.policy;

/** Why a topic is in the queue; {@link #code()} is the machine-readable {@code reasonCode}. */
public enum Reason {
    /** The topic of the track that needs work most (mastery below the goal, weighted by the track). */
    WEAKEST("weakest-topic"),
    /** Another weak topic of the track, behind the weakest. */
    WEAK("weak-topic"),
    /** Never practised: the estimate is the model's prior. */
    NOT_PRACTISED("not-practised"),
    /** Practised before and forgotten since: mastery fell by at least the review drop. */
    REVIEW("review"),
    /** Comes before a weak topic whose prerequisites are not there yet. */
    PREREQUISITE("prerequisite"),
    /** The estimate is uncertain: a question to learn where the learner stands. */
    EXPLORE("explore"),
    /** Every topic of the track is at the goal: keep the weakest in practice. */
    MAINTAIN("maintain"),
    /** The learner chose the topic (the queue's {@code topic} filter, e.g. a readiness panel's "practise"). */
    CHOSEN("chosen-topic");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
