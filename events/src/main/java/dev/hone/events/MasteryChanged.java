package dev.hone.events;

import java.time.Instant;

/**
 * The recommender's estimate of a learner's mastery of one topic moved. Keyed by learnerId on
 * {@link Topics#MASTERY}.
 *
 * @param causedBy the eventId of the answer that moved it
 */
public record MasteryChanged(
        int schema,
        String learnerId,
        String topicId,
        double mastery,
        long answers,
        long correct,
        String causedBy,
        Instant at) {

    public static final int SCHEMA = 1;
}
