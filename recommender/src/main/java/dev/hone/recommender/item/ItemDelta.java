package dev.hone.recommender.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The accepted answers to one question that one learner task processed since its last flush,
 * in the order it processed them: what the learner side sends the item side instead of one
 * record per answer.
 *
 * <p>Not a set of sums: the calibration is a sequential Kalman (Elo) step whose gain and
 * surprise depend on the estimate the previous answer left, so no fixed-size summary reproduces
 * it exactly. Each answer keeps what the item statistics read of it (score, right or not,
 * response time, the model's prediction), about 25 bytes; the event id and time only of the
 * last, which is all the statistics keep of them.
 */
public record ItemDelta(String questionId, String topicId, int catalogDifficulty, List<Observation> observations,
                        String lastEventId, Instant lastAnsweredAt) {

    public ItemDelta {
        observations = List.copyOf(observations);
    }

    /**
     * One answer's part in the item statistics.
     *
     * @param predicted  the model's probability of a right answer just before it, at the question's prior difficulty
     * @param responseMs 0 when the client sent none
     */
    public record Observation(double score, boolean correct, long responseMs, double predicted) {
    }

    /** A delta of one answer. */
    public static ItemDelta of(ItemAnswer answer) {
        return new ItemDelta(answer.questionId(), answer.topicId(), answer.catalogDifficulty(), List.of(observation(answer)),
                answer.eventId(), answer.answeredAt());
    }

    /** This delta with {@code answer} (to the same question) after its answers. */
    public ItemDelta plus(ItemAnswer answer) {
        var more = new ArrayList<Observation>(observations.size() + 1);
        more.addAll(observations);
        more.add(observation(answer));
        return new ItemDelta(questionId, answer.topicId(), catalogDifficulty, more, answer.eventId(), answer.answeredAt());
    }

    private static Observation observation(ItemAnswer answer) {
        return new Observation(answer.score(), answer.correct(), answer.responseMs(), answer.predicted());
    }
}
