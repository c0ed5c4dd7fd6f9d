package dev.hone.recommender.placement;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.PlacedAnswer;
import dev.hone.recommender.policy.QueueItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementPolicyTests {

    private final Catalog catalog = Catalog.bundled();
    private final PlacementPolicy placement = new PlacementPolicy(catalog, PlacementSettings.defaults());

    /** Answers the placement one question at a time until it ends; {@code score} decides each answer. */
    private List<PlacedAnswer> takePlacement(PlacementPolicy policy, String track, ToDoubleFunction<Question> score) {
        List<PlacedAnswer> log = new ArrayList<>();
        for (Placement p = policy.replay(track, log); !p.complete(); p = policy.replay(track, log)) {
            List<QueueItem> next = policy.next(p, Set.of(), 1);
            assertThat(next).as("a placement in progress always has a next question").hasSize(1);
            Question q = catalog.question(next.get(0).questionId()).orElseThrow();
            log.add(new PlacedAnswer(q.id(), score.applyAsDouble(q)));
        }
        return log;
    }

    @Test
    void placementStopsAtTheCap() {
        List<PlacedAnswer> log = takePlacement(placement, "web", q -> q.difficulty() <= 3 ? 1 : 0);

        Placement done = placement.replay("web", log);
        assertThat(log).hasSize(20);
        assertThat(done.status()).isEqualTo(Placement.Status.CAP);
        assertThat(placement.next(done, Set.of(), 10)).isEmpty();
    }

    @Test
    void placementStopsEarlyOnceTheEstimatesAreConfidentEnough() {
        PlacementPolicy lenient = new PlacementPolicy(catalog, PlacementSettings.defaults().withConfidenceSd(0.2));

        List<PlacedAnswer> log = takePlacement(lenient, "general", q -> 1);

        Placement done = lenient.replay("general", log);
        assertThat(done.status()).isEqualTo(Placement.Status.CONFIDENT);
        assertThat(log.size()).isLessThan(20);
        assertThat(done.meanSd()).isLessThanOrEqualTo(0.2);
    }

    @Test
    void placementNeverRepeatsAQuestionNorServesOneAnsweredRecently() {
        PlacementPolicy long50 = new PlacementPolicy(catalog, PlacementSettings.defaults().withCap(50));
        List<PlacedAnswer> log = takePlacement(long50, "general", q -> q.id().hashCode() % 2 == 0 ? 1 : 0);
        Set<String> recent = Set.of(log.get(0).questionId());

        List<QueueItem> batch = long50.next(long50.replay("general", log.subList(0, 10)), new HashSet<>(List.of("core.gil.q01")), 30);

        assertThat(log.stream().map(PlacedAnswer::questionId).distinct()).hasSize(50);
        assertThat(batch.stream().map(QueueItem::questionId).distinct()).hasSize(30);
        assertThat(batch).extracting(QueueItem::questionId).doesNotContain("core.gil.q01")
                .doesNotContainAnyElementsOf(log.subList(0, 10).stream().map(PlacedAnswer::questionId).toList())
                .doesNotContainAnyElementsOf(recent);
    }

    @Test
    void placementServesOnlyTheTracksTopicsAndQuestions() {
        List<PlacedAnswer> log = takePlacement(placement, "web", q -> 0.5);

        for (PlacedAnswer a : log) {
            Question q = catalog.question(a.questionId()).orElseThrow();
            assertThat(catalog.topic(q.topic()).orElseThrow().weightIn("web")).as(q.id()).isPositive();
            assertThat(q.tracks().isEmpty() || q.tracks().contains("web")).as(q.id()).isTrue();
        }
        assertThat(placement.replay("web", log).topicIds()).doesNotContain("data.deep-learning");
    }

    @Test
    void aTrackTopicWhoseQuestionsAreAllForOtherTracksIsEstimatedFromTheAnswersButNeverAsked() {
        assertThat(catalog.questionsOf("data.numpy-pandas")).as("the catalog case this covers").isNotEmpty()
                .noneMatch(q -> q.tracks().isEmpty() || q.tracks().contains("web"));

        List<PlacedAnswer> log = takePlacement(placement, "web", q -> 1);

        Placement done = placement.replay("web", log);
        assertThat(done.covers("data.numpy-pandas")).isTrue();
        assertThat(done.answersOn("data.numpy-pandas")).isZero();
        assertThat(done.estimate("data.numpy-pandas").mean()).as("right answers elsewhere raise it").isGreaterThan(0.5);
    }

    @Test
    void placementSpreadsOverTheTrackRatherThanDrillingOneTopic() {
        List<PlacedAnswer> log = takePlacement(placement, "general", q -> 1);

        long topics = log.stream().map(a -> catalog.question(a.questionId()).orElseThrow().topic()).distinct().count();
        assertThat(topics).isGreaterThanOrEqualTo(15);
    }

    @Test
    void oneAnswerInformsTheTopicsPrerequisitesMoreThanAnUnrelatedTopic() {
        Question decorators = catalog.questionsOf("advanced.decorators").get(0);
        List<String> prerequisites = catalog.topic("advanced.decorators").orElseThrow().prerequisites();
        String unrelated = catalog.topics().stream().map(t -> t.id())
                .filter(id -> !id.equals("advanced.decorators") && !prerequisites.contains(id) && id.startsWith("behaviour.")).findFirst().orElseThrow();

        Placement before = placement.replay("general", List.of());
        Placement after = placement.replay("general", List.of(new PlacedAnswer(decorators.id(), 1)));

        double prerequisiteRise = after.estimate(prerequisites.get(0)).mean() - before.estimate(prerequisites.get(0)).mean();
        double unrelatedRise = after.estimate(unrelated).mean() - before.estimate(unrelated).mean();
        assertThat(after.estimate("advanced.decorators").mean()).isGreaterThan(before.estimate("advanced.decorators").mean());
        assertThat(unrelatedRise).as("the general ability moves every topic").isPositive();
        assertThat(prerequisiteRise).isGreaterThan(unrelatedRise);
    }

    @Test
    void wrongAnswersLowerTheEstimatesAndRightOnesRaiseThem() {
        Question q = catalog.questionsOf("core.oop").get(0);

        double right = placement.replay("general", List.of(new PlacedAnswer(q.id(), 1))).estimate("core.oop").mean();
        double wrong = placement.replay("general", List.of(new PlacedAnswer(q.id(), 0))).estimate("core.oop").mean();

        assertThat(right).isGreaterThan(0.5);
        assertThat(wrong).isLessThan(0.5);
    }
}
