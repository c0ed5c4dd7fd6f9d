package dev.hone.recommender.item;

import dev.hone.catalog.Catalog;
import dev.hone.events.ItemStatistics;
import dev.hone.model.Logistic;
import dev.hone.recommender.learner.LearnerEngines;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemCalibratorTests {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    private final ItemCalibrator calibrator = new ItemCalibrator(
            new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", Catalog.bundled()).create());

    @Test
    void theFirstAnswerStartsFromTheCatalogPriorAndCountsOnce() {
        ItemStatistics stats = calibrator.next(null, answer("e1", 0.5, true, 4000));

        assertThat(stats.questionId()).isEqualTo("core.gil.q01");
        assertThat(stats.attempts()).isEqualTo(1);
        assertThat(stats.correct()).isEqualTo(1);
        assertThat(stats.correctShare()).isEqualTo(1.0);
        assertThat(stats.meanResponseMs()).isEqualTo(4000);
        assertThat(stats.priorDifficulty()).isEqualTo(-0.5); // level 2: 0.5 logit below the middle
        assertThat(stats.difficulty()).isLessThan(stats.priorDifficulty());
        assertThat(stats.difficultyVariance()).isLessThan(calibrator.next(null, answer("e0", 0.5, true, 0)).difficultyVariance() + 1e-12);
        assertThat(stats.lastEventId()).isEqualTo("e1");
    }

    @Test
    void responseTimeIsAveragedOverTheAnswersThatCarryOne() {
        ItemStatistics stats = calibrator.next(null, answer("e1", 0.5, true, 3000));
        stats = calibrator.next(stats, answer("e2", 0.5, false, 0));
        stats = calibrator.next(stats, answer("e3", 0.5, false, 5000));

        assertThat(stats.attempts()).isEqualTo(3);
        assertThat(stats.correct()).isEqualTo(1);
        assertThat(stats.timedAnswers()).isEqualTo(2);
        assertThat(stats.meanResponseMs()).isCloseTo(4000, within(1e-9));
    }

    @Test
    void aQuestionHarderThanItsCatalogLevelIsCalibratedToItsTrueDifficulty() {
        // learners the model expects to succeed with p, answering a question truly 1 logit harder than its prior
        var random = new SplittableRandom(7);
        ItemStatistics stats = null;
        for (int i = 0; i < 3000; i++) {
            double predictedAtPrior = Logistic.sigmoid(random.nextDouble(-1.5, 2.5));
            boolean right = random.nextDouble() < Logistic.sigmoid(Logistic.logit(predictedAtPrior) - 1.0);
            stats = calibrator.next(stats, answer("e" + i, predictedAtPrior, right, 0));
        }

        assertThat(stats.difficulty() - stats.priorDifficulty()).isCloseTo(1.0, within(0.15));
        assertThat(stats.difficultyVariance()).isLessThan(0.01);
    }

    @Test
    void aDeltaOfManyAnswersGivesTheStatisticsOfThoseAnswersOneByOne() {
        var random = new SplittableRandom(11);
        ItemStatistics start = calibrator.next(null, answer("e0", 0.6, true, 2000));
        ItemStatistics oneByOne = start;
        ItemDelta delta = null;
        for (int i = 1; i <= 50; i++) {
            ItemAnswer a = answer("e" + i, random.nextDouble(0.05, 0.95), random.nextBoolean(), random.nextBoolean() ? 0 : random.nextLong(500, 60_000));
            oneByOne = calibrator.next(oneByOne, a);
            delta = delta == null ? ItemDelta.of(a) : delta.plus(a);
        }

        ItemStatistics merged = calibrator.merge(start, delta);

        assertThat(merged).isEqualTo(oneByOne); // every double equal, not close: the same steps in the same order
        assertThat(merged.attempts()).isEqualTo(51);
        assertThat(merged.lastEventId()).isEqualTo("e50");
    }

    @Test
    void thePredictionIsReCentredOnTheCurrentCalibration() {
        assertThat(ItemCalibrator.predictedAt(0.0, 0.0, 0.7)).isCloseTo(0.7, within(1e-12));
        assertThat(ItemCalibrator.predictedAt(1.0, 0.0, 0.5)).isCloseTo(Logistic.sigmoid(-1), within(1e-12));
    }

    private static ItemAnswer answer(String eventId, double predicted, boolean correct, long responseMs) {
        return new ItemAnswer(eventId, "core.gil.q01", "core.gil", 2, correct ? 1 : 0, correct, responseMs, predicted, AT);
    }
}
