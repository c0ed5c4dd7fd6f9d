package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueuePolicyTests {

    private static final long T0 = 1_780_000_000L;
    private final Catalog catalog = Catalog.bundled();
    private final LearnerEngine engine = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", catalog).create();
    private final QueuePolicy policy = new QueuePolicy(catalog);

    @Test
    void queueLeadsWithTheWeakestTopic() {
        LearnerState state = LearnerState.empty();
        long t = T0;
        for (String topic : catalog.topics().stream().map(x -> x.id()).toList()) {
            boolean weak = topic.equals("problem.dicts-sets");
            for (Question q : catalog.questionsOf(topic).subList(0, 2)) {
                state = answer(state, q, !weak, t += 60);
            }
        }

        List<QueueItem> queue = policy.next(engine.view(state, t + 60), 10);

        assertThat(queue.get(0).topicId()).isEqualTo("problem.dicts-sets");
        assertThat(queue.get(0).reason()).startsWith("weakest topic: Dictionary and set operations (mastery");
        assertThat(queue).hasSize(10);
    }

    @Test
    void queueNeverRepeatsARecentlyAnsweredQuestionNorItself() {
        Question last = catalog.questionsOf("problem.dicts-sets").get(0);
        LearnerState state = answer(LearnerState.empty(), last, false, T0);

        List<QueueItem> queue = policy.next(engine.view(state, T0 + 60), 30);

        assertThat(queue).extracting(QueueItem::questionId).doesNotContain(last.id()).doesNotHaveDuplicates();
    }

    @Test
    void aNewLearnerGetsAFullQueueOfUnpractisedTopics() {
        List<QueueItem> queue = policy.next(engine.view(LearnerState.empty(), T0), 5);

        assertThat(queue).hasSize(5).allSatisfy(item -> assertThat(item.reasonCode()).isEqualTo("not-practised"));
    }

    @Test
    void withinATopicThePolicyPicksTheQuestionNearestTheTargetSuccess() {
        var view = engine.view(LearnerState.empty(), T0);

        QueueItem first = policy.next(view, 1).get(0);
        Question chosen = catalog.question(first.questionId()).orElseThrow();
        double gap = Math.abs(view.predict(chosen) - QueuePolicy.DEFAULT_TARGET);

        assertThat(catalog.questionsOf(chosen.topic())).allSatisfy(q -> assertThat(Math.abs(view.predict(q) - QueuePolicy.DEFAULT_TARGET)).isGreaterThanOrEqualTo(gap));
    }

    private LearnerState answer(LearnerState state, Question q, boolean right, long t) {
        return engine.apply(state, "e" + t, q.id(), q.skills(), q.difficulty(), right ? 1 : 0, right, t);
    }
}
