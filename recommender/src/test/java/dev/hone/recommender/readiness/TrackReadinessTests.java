package dev.hone.recommender.readiness;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.model.readiness.Readiness;
import dev.hone.model.readiness.UnpractisedPrior;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.placement.PlacementSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrackReadinessTests {

    private static final long T0 = 1_780_000_000L;
    private final Catalog catalog = Catalog.bundled();
    private final LearnerEngine engine = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", catalog).create();
    private final TrackReadiness readiness = new TrackReadiness(catalog, Readiness.Settings.defaults());

    /** A web learner after {@code count} answers on the web track's questions, every one right or every one wrong. */
    private LearnerState answered(int count, boolean right) {
        LearnerState state = LearnerState.empty().withTrack("web");
        List<Question> questions = catalog.questions().stream().filter(q -> catalog.topic(q.topic()).orElseThrow().weightIn("web") > 0).toList();
        for (int i = 0; i < count; i++) {
            Question q = questions.get((i * 7) % questions.size());
            state = engine.apply(state, "e" + i, q.id(), q.skills(), q.difficulty(), right ? 1 : 0, right, T0 + 60L * i);
        }
        return state;
    }

    private TrackReadiness.Result of(LearnerState state, int answers) {
        return readiness.of(engine.view(state, T0 + 60L * answers), "web");
    }

    @Test
    void readinessRisesAfterRightAnswersAndFallsAfterWrongOnes() {
        double before = of(LearnerState.empty().withTrack("web"), 0).score();

        double afterRight = of(answered(10, true), 10).score();
        double afterWrong = of(answered(10, false), 10).score();

        assertThat(afterRight).isGreaterThan(before);
        assertThat(afterWrong).isLessThan(before);
    }

    @Test
    void theIntervalIsWiderForALearnerWithFewAnswers() {
        TrackReadiness.Result few = of(answered(3, true), 3);
        LearnerState many = answered(150, true);

        TrackReadiness.Result lots = of(many, 150);

        assertThat(few.low()).isLessThanOrEqualTo(few.score());
        assertThat(few.high()).isGreaterThanOrEqualTo(few.score());
        assertThat(few.high() - few.low()).isGreaterThan(lots.high() - lots.low());
    }

    @Test
    void aNewLearnersIntervalSpansWhatLearnersCommonlyKnowAndNarrowsWithTheirFirstAnswers() {
        PlacementPolicy placement = new PlacementPolicy(catalog, PlacementSettings.defaults());

        TrackReadiness.Result none = readiness.of(placement.forReadiness(engine.view(LearnerState.empty().withTrack("web"), T0), "web"), "web");
        TrackReadiness.Result twenty = readiness.of(placement.forReadiness(engine.view(answered(20, true), T0 + 1200), "web"), "web");

        assertThat(none.high() - none.low()).isGreaterThan(0.4);
        assertThat(twenty.high() - twenty.low()).isLessThan(none.high() - none.low());
        assertThat(twenty.score()).isGreaterThan(none.score());
    }

    @Test
    void aNewLearnersScoreOnEveryTrackIsThePriorTheWeeklyTrendCountsUnpractisedTopicsAt() {
        PlacementPolicy placement = new PlacementPolicy(catalog, PlacementSettings.defaults());

        for (String track : List.of("general", "web", "data-ml", "senior")) {
            TrackReadiness.Result none = readiness.of(placement.forReadiness(engine.view(LearnerState.empty().withTrack(track), T0), track), track);

            assertThat(none.score()).as(track).isCloseTo(UnpractisedPrior.mastery(), within(1e-9));
        }
    }

    @Test
    void aNewLearnersFirstAnswerMovesTheScoreServedTheWayTheAnswerWent() {
        PlacementPolicy placement = new PlacementPolicy(catalog, PlacementSettings.defaults());
        double before = readiness.of(placement.forReadiness(engine.view(LearnerState.empty().withTrack("web"), T0), "web"), "web").score();

        for (int n = 1; n <= 3; n++) {
            double afterRight = readiness.of(placement.forReadiness(engine.view(answered(n, true), T0 + 60L * n), "web"), "web").score();
            double afterWrong = readiness.of(placement.forReadiness(engine.view(answered(n, false), T0 + 60L * n), "web"), "web").score();

            assertThat(afterRight).as("after %d right", n).isGreaterThan(before);
            assertThat(afterWrong).as("after %d wrong", n).isLessThan(before);
        }
    }

    @Test
    void theThreeBestTopicsAreTheTracksWithALinkToPractiseThem() {
        TrackReadiness.Result r = of(answered(20, false), 20);

        assertThat(r.bestTopics()).hasSize(3);
        assertThat(r.bestTopics()).allSatisfy(t -> {
            assertThat(catalog.topic(t.topicId()).orElseThrow().weightIn("web")).isPositive();
            assertThat(t.practice()).isEqualTo("/practice/?topic=" + t.topicId());
        });
        assertThat(r.bestTopics().get(0).gainPerHour()).isGreaterThanOrEqualTo(r.bestTopics().get(2).gainPerHour());
    }

    @Test
    void anUnknownTrackIsRefusedByName() {
        assertThatThrownBy(() -> readiness.of(engine.view(LearnerState.empty(), T0), "cobol"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cobol");
    }
}
