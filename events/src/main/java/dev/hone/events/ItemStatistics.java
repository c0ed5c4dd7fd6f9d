package dev.hone.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The running statistics of one question over every learner's accepted answers, keyed by
 * questionId on the compacted {@link Topics#ITEMS}: the latest record per question is its
 * current calibration. Aggregates only: no learner id is kept, so erasing a learner leaves it.
 *
 * @param schema             contract version of this record
 * @param attempts           accepted answers (a resent event is not counted again)
 * @param correct            how many of them were right
 * @param scoreSum           sum of their scores (partial credit included)
 * @param meanResponseMs     mean response time over the answers that carried one (0 when none did)
 * @param timedAnswers       how many answers carried a response time
 * @param priorDifficulty    the catalog's difficulty on the model's logit scale, where calibration started
 * @param difficulty         calibrated difficulty on the logit scale (higher is harder): the posterior mean
 * @param difficultyVariance its variance; it shrinks as answers accumulate
 * @param lastEventId        the answer that produced this record
 * @param updatedAt          when that answer was given
 */
public record ItemStatistics(
        int schema,
        String questionId,
        String topicId,
        long attempts,
        long correct,
        double scoreSum,
        double meanResponseMs,
        long timedAnswers,
        double priorDifficulty,
        double difficulty,
        double difficultyVariance,
        String lastEventId,
        Instant updatedAt) {

    public static final int SCHEMA = 1;

    /** Share of the attempts that were right, 0 before the first; written to JSON for readers, ignored when read. */
    @JsonProperty("correctShare")
    public double correctShare() {
        return attempts == 0 ? 0 : (double) correct / attempts;
    }
}
