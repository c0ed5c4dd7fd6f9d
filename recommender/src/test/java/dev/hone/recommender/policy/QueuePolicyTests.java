package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.Topic;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueuePolicyTests {

    private static final long T0 = 1_780_000_000L;
    private final Catalog catalog = Catalog.bundled();
    private final LearnerEngine engine = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", catalog).create();
    private final PolicySettings noExploration = PolicySettings.defaults().withExplorationRate(0);
    private final QueuePolicy policy = new QueuePolicy(catalog, noExploration);

    @Test
    void queueLeadsWithTheWeakestTopicOfTheTrackAndSaysSo() {
        FakeLearner learner = new FakeLearner(catalog, 0.8).set("advanced.decorators", 0.41);

        List<QueueItem> queue = policy.next(learner, 10);

        assertThat(queue.get(0).topicId()).isEqualTo("advanced.decorators");
        assertThat(queue.get(0).reasonCode()).isEqualTo("weakest-topic");
        assertThat(queue.get(0).reason()).isEqualTo("weakest topic in your track: Decorators (mastery 0.41)");
        assertThat(queue).hasSize(10);
    }

    @Test
    void theTracksWeightsDecideBetweenEquallyWeakTopics() {
        FakeLearner learner = new FakeLearner(catalog, 0.8).set("data.numpy-pandas", 0.5).set("web.frameworks", 0.5);

        List<String> dataMl = topics(policy.next(learner.track("data-ml"), 2));
        List<String> web = topics(policy.next(learner.track("web"), 2));

        assertThat(dataMl).containsExactly("data.numpy-pandas", "web.frameworks");
        assertThat(web).containsExactly("web.frameworks", "data.numpy-pandas");
    }

    @Test
    void aTopicOutsideTheTrackIsNeverServed() {
        FakeLearner learner = new FakeLearner(catalog, 0.9).set("data.deep-learning", 0.1).track("web");

        assertThat(topics(policy.next(learner, 30))).doesNotContain("data.deep-learning");
    }

    @Test
    void aTopicWhoseMasteryFellSinceItWasPractisedComesBackAsAReview() {
        FakeLearner learner = new FakeLearner(catalog, 0.9).forgotten("core.gil", 0.9, 0.6, 9);

        QueueItem first = policy.next(learner, 5).get(0);

        assertThat(first.topicId()).isEqualTo("core.gil");
        assertThat(first.reasonCode()).isEqualTo("review");
        assertThat(first.reason()).isEqualTo("review: The GIL last practised 9 days ago");
    }

    @Test
    void aDependantWaitsForItsUnpractisedPrerequisiteWhichComesFirst() {
        FakeLearner learner = new FakeLearner(catalog, 0.9).set("core.gil", 0.3).unpractised("core.memory", 0.7);

        List<QueueItem> queue = policy.next(learner, 10);

        assertThat(topics(queue)).doesNotContain("core.gil");
        assertThat(queue.get(0).topicId()).isEqualTo("core.memory");
        assertThat(queue.get(0).reasonCode()).isEqualTo("prerequisite");
        assertThat(queue.get(0).reason()).isEqualTo("prerequisite for The GIL");
    }

    @Test
    void aDependantTheLearnerAlreadyShowsIsServedDespiteAWeakPrerequisite() {
        FakeLearner learner = new FakeLearner(catalog, 0.9).set("core.gil", 0.65).unpractised("core.memory", 0.7);

        assertThat(topics(policy.next(learner, 10))).contains("core.gil");
    }

    @Test
    void aNewLearnerStartsOnTopicsWithoutPrerequisites() {
        List<QueueItem> queue = policy.next(engine.view(LearnerState.empty(), T0), 10);

        Set<String> roots = catalog.topics().stream().filter(t -> t.prerequisites().isEmpty()).map(Topic::id).collect(Collectors.toSet());
        assertThat(queue).hasSize(10).allSatisfy(item -> {
            assertThat(roots).contains(item.topicId());
            assertThat(item.reasonCode()).isIn("not-practised", "prerequisite");
        });
    }

    @Test
    void queueNeverRepeatsARecentlyAnsweredQuestionNorItself() {
        Question last = catalog.questionsOf("problem.dicts-sets").get(0);
        LearnerState state = engine.apply(LearnerState.empty(), "e1", last.id(), last.skills(), last.difficulty(), 0, false, T0);

        List<QueueItem> queue = new QueuePolicy(catalog, noExploration).next(engine.view(state, T0 + 60), 30);

        assertThat(queue).extracting(QueueItem::questionId).doesNotContain(last.id()).doesNotHaveDuplicates();
    }

    @Test
    void withinATopicThePolicyPicksTheQuestionNearestTheTargetSuccess() {
        FakeLearner learner = new FakeLearner(catalog, 0.9).set("core.oop", 0.5);
        QueuePolicy plain = new QueuePolicy(catalog, new PolicySettings(0.75, 0.85, 0.5, 0, 1, 0.3, 0.2, 0.6, 0, 3, 0.05, 0, 0.01, 1, 2, 0, 0));

        QueueItem first = plain.next(learner, 1).get(0);
        double gap = Math.abs(first.predictedSuccess() - 0.75);

        assertThat(first.topicId()).isEqualTo("core.oop");
        assertThat(catalog.questionsOf("core.oop")).allSatisfy(q -> assertThat(Math.abs(learner.predict(q) - 0.75)).isGreaterThanOrEqualTo(gap));
    }

    @Test
    void runsOfOneKindAreBrokenWhenAnotherKindFits() {
        FakeLearner learner = new FakeLearner(catalog, 0.6);
        QueuePolicy mixing = new QueuePolicy(catalog, new PolicySettings(0.75, 0.85, 0.5, 0, 1, 0.3, 0.2, 0.6, 0, 3, 0.05, 0, 0.01, 1, 2, 1.0, 0));

        List<QuestionKind> kinds = mixing.next(learner, 12).stream()
                .map(item -> catalog.question(item.questionId()).orElseThrow().kind()).toList();

        for (int i = 2; i < kinds.size(); i++) {
            assertThat(kinds.get(i) == kinds.get(i - 1) && kinds.get(i) == kinds.get(i - 2)).as("three %s in a row at %d", kinds.get(i), i).isFalse();
        }
    }

    @Test
    void explorationIsReproducibleForASeedAndMovesWithIt() {
        LearnerState state = LearnerState.empty();
        long t = T0;
        for (Question q : catalog.questionsOf("core.data-model").subList(0, 4)) {
            state = engine.apply(state, "e" + t, q.id(), q.skills(), q.difficulty(), 1, true, t += 60);
        }
        var view = engine.view(state, t + 60);
        PolicySettings exploring = PolicySettings.defaults().withExplorationRate(0.5);

        List<QueueItem> first = new QueuePolicy(catalog, exploring.withSeed(7)).next(view, 10);
        List<QueueItem> again = new QueuePolicy(catalog, exploring.withSeed(7)).next(view, 10);
        List<List<QueueItem>> others = Arrays.asList(new QueuePolicy(catalog, exploring.withSeed(8)).next(view, 10),
                new QueuePolicy(catalog, exploring.withSeed(9)).next(view, 10), new QueuePolicy(catalog, exploring.withSeed(10)).next(view, 10));

        assertThat(again).isEqualTo(first);
        assertThat(first).anySatisfy(item -> assertThat(item.reasonCode()).isEqualTo("explore"));
        assertThat(others).anySatisfy(other -> assertThat(other).isNotEqualTo(first));
    }

    @Test
    void aTopicTheLearnerDoesWorseOnThanTheModelExpectsComesFirst() {
        FakeLearner learner = new FakeLearner(catalog, 0.8).set("core.gil", 0.6).offset("advanced.decorators", 0.62, -0.5);

        QueueItem first = policy.next(learner, 5).get(0);

        assertThat(first.topicId()).isEqualTo("advanced.decorators");
        assertThat(first.reason()).isEqualTo("weakest topic in your track: Decorators (mastery 0.62; 0.56 from your answers on it)");
    }

    @Test
    void doingBetterThanTheModelExpectsDoesNotPushATopicBack() {
        FakeLearner learner = new FakeLearner(catalog, 0.8).set("core.gil", 0.62).offset("advanced.decorators", 0.6, 2.0);

        QueueItem first = policy.next(learner, 5).get(0);

        assertThat(first.topicId()).isEqualTo("advanced.decorators");
    }

    @Test
    void explorationTakesAboutItsRateOfTheSlots() {
        FakeLearner learner = new FakeLearner(catalog, 0.6);
        long explored = 0;
        long slots = 0;

        for (long seed = 0; seed < 200; seed++) {
            List<QueueItem> queue = new QueuePolicy(catalog, PolicySettings.defaults().withExplorationRate(0.1).withSeed(seed)).next(learner, 10);
            explored += queue.stream().filter(item -> item.reasonCode().equals("explore")).count();
            slots += queue.size();
        }

        assertThat(explored / (double) slots).isBetween(0.07, 0.13);
    }

    @Test
    void everyItemCarriesAKnownReasonCodeAndAText() {
        Set<String> codes = Arrays.stream(Reason.values()).map(Reason::code).collect(Collectors.toSet());
        FakeLearner learner = new FakeLearner(catalog, 0.7).forgotten("core.gil", 0.9, 0.6, 3).set("testing.tdd", 0.2);

        List<QueueItem> queue = new QueuePolicy(catalog, PolicySettings.defaults().withExplorationRate(0.3)).next(learner, 20);

        assertThat(queue).allSatisfy(item -> {
            assertThat(codes).contains(item.reasonCode());
            assertThat(item.reason()).isNotBlank();
        });
    }

    @Test
    void settingsRejectATargetOutsideZeroToOne() {
        assertThatThrownBy(() -> PolicySettings.defaults().withTargetSuccess(1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChosenTopicServesOnlyThatTopicEvenOutsideTheTrackAndSaysTheLearnerChoseIt() {
        FakeLearner learner = new FakeLearner(catalog, 0.5).set("data.deep-learning", 0.9).track("web");
        Topic chosen = catalog.topic("data.deep-learning").orElseThrow();

        List<QueueItem> queue = policy.nextIn(learner, chosen, 5);

        assertThat(topics(queue)).hasSize(5).containsOnly("data.deep-learning");
        assertThat(queue).allSatisfy(item -> {
            assertThat(item.reasonCode()).isEqualTo("chosen-topic");
            assertThat(item.reason()).startsWith("you chose to practise ");
        });
        assertThat(queue.stream().map(QueueItem::questionId)).doesNotHaveDuplicates();
    }

    @Test
    void aChosenTopicSkipsRecentQuestionsAndServesThemAgainOnlyWhenNothingElseIsLeft() {
        List<String> all = catalog.questionsOf("core.gil").stream().map(Question::id).toList();
        List<String> allButOne = all.subList(0, all.size() - 1);
        Topic gil = catalog.topic("core.gil").orElseThrow();

        List<QueueItem> fresh = policy.nextIn(new FakeLearner(catalog, 0.5).recent(allButOne), gil, 1);
        List<QueueItem> again = policy.nextIn(new FakeLearner(catalog, 0.5).recent(all), gil, 2);

        assertThat(fresh).extracting(QueueItem::questionId).containsExactly(all.get(all.size() - 1));
        assertThat(again).extracting(QueueItem::questionId).containsExactly(all.get(0), all.get(1));
        assertThat(again.get(0).reason()).contains("answered recently");
    }

    private static List<String> topics(List<QueueItem> queue) {
        return queue.stream().map(QueueItem::topicId).toList();
    }
}
