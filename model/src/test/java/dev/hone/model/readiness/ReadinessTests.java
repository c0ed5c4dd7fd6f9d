package dev.hone.model.readiness;

import dev.hone.model.Mastery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessTests {

    private final Readiness readiness = new Readiness(Readiness.Settings.defaults());

    private static Mastery mastery(double logit, double logitSd) {
        return Mastery.fromLogit(logit, logitSd, 1);
    }

    @Test
    void theScoreIsTheTrackWeightedMeanOfTheMasteries() {
        Readiness.Score s = readiness.score(List.of(new Readiness.Topic("a", 3, mastery(0, 0.1)),
                new Readiness.Topic("b", 1, mastery(Math.log(3), 0.1))));

        assertThat(s.score()).isCloseTo(0.75 * 0.5 + 0.25 * 0.75, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void moreUncertainMasteriesWidenTheInterval() {
        Readiness.Score sure = readiness.score(List.of(new Readiness.Topic("a", 1, mastery(0, 0.2)), new Readiness.Topic("b", 1, mastery(1, 0.2))));
        Readiness.Score unsure = readiness.score(List.of(new Readiness.Topic("a", 1, mastery(0, 1.0)), new Readiness.Topic("b", 1, mastery(1, 1.0))));

        assertThat(unsure.high() - unsure.low()).isGreaterThan(sure.high() - sure.low());
        assertThat(unsure.score()).isEqualTo(sure.score());
    }

    @Test
    void theShareRightOnFewQuestionsSpreadsWiderThanTheScoreAndNarrowsToItWithMoreQuestions() {
        Readiness.Score s = readiness.score(List.of(new Readiness.Topic("a", 1, mastery(0, 0.3)), new Readiness.Topic("b", 1, mastery(1, 0.3))));

        Readiness.Interval ten = s.onQuestions(10);
        Readiness.Interval hundred = s.onQuestions(100);
        Readiness.Interval many = s.onQuestions(1_000_000);

        assertThat(ten.high() - ten.low()).isGreaterThan(hundred.high() - hundred.low());
        assertThat(hundred.high() - hundred.low()).isGreaterThan(s.high() - s.low());
        assertThat(many.sd()).isCloseTo(s.sd(), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(ten.low()).isLessThan(s.score());
        assertThat(ten.high()).isGreaterThan(s.score());
    }

    @Test
    void aSureScoreOnQuestionsSpreadsLikeABinomial() {
        Readiness.Score s = new Readiness.Score(0.6, 0.6, 0.6, 0, List.of());

        assertThat(s.onQuestions(24).sd()).isCloseTo(Math.sqrt(0.6 * 0.4 / 24), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aMeasuredDispersionAddsItsVarianceAndMultipliesTheBinomialOne() {
        Readiness.Score s = new Readiness.Score(0.6, 0.6, 0.6, 0, List.of());

        Readiness.Interval wider = s.onQuestions(20, new Readiness.Dispersion(0.01, 2));

        assertThat(wider.sd()).isCloseTo(Math.sqrt(0.01 + 2 * 0.6 * 0.4 / 20), org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> new Readiness.Dispersion(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBestTopicsWeighTheTracksNeedAgainstHowMuchIsLeftToLearn() {
        Readiness.Score s = readiness.score(List.of(new Readiness.Topic("core-weak", 1, mastery(-1, 0.3)),
                new Readiness.Topic("minor-weak", 0.05, mastery(-1, 0.3)), new Readiness.Topic("core-strong", 1, mastery(3, 0.3)),
                new Readiness.Topic("core-middling", 1, mastery(0.5, 0.3))));

        assertThat(s.bestTopics()).extracting(Readiness.Gain::topicId).containsExactly("core-weak", "core-middling", "core-strong");
    }

    @Test
    void aScoreNeedsATopicWithWeight() {
        assertThatThrownBy(() -> readiness.score(List.of(new Readiness.Topic("a", 0, mastery(0, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive weight");
    }
}
