package dev.hone.recommender.policy;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.LearnerState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueuePolicyTests {

    private final Catalog catalog = Catalog.bundled();
    private final QueuePolicy policy = new QueuePolicy(catalog);

    @Test
    void queueLeadsWithTheWeakestTopic() {
        LearnerState state = LearnerState.empty();
        int i = 0;
        for (Question q : catalog.questionsOf("core.gil")) {
            state = state.withAnswer("g" + i++, q.id(), List.of("core.gil"), 1.0, true);
        }
        for (Question q : catalog.questionsOf("problem.dicts-sets").subList(0, 2)) {
            state = state.withAnswer("d" + i++, q.id(), List.of("problem.dicts-sets"), 0.0, false);
        }

        List<QueueItem> queue = policy.next(state, 10);

        assertThat(queue.get(0).topicId()).isEqualTo("problem.dicts-sets");
        assertThat(queue.get(0).reason()).startsWith("weakest topic:");
        assertThat(queue).extracting(QueueItem::topicId).contains("problem.dicts-sets");
    }

    @Test
    void queueNeverRepeatsARecentlyAnsweredQuestionNorItself() {
        Question last = catalog.questionsOf("problem.dicts-sets").get(0);
        LearnerState state = LearnerState.empty().withAnswer("e1", last.id(), List.of(last.topic()), 0.0, false);

        List<QueueItem> queue = policy.next(state, 20);

        assertThat(queue).extracting(QueueItem::questionId).doesNotContain(last.id()).doesNotHaveDuplicates();
    }

    @Test
    void aNewLearnerGetsAFullQueueOfUnpractisedTopics() {
        List<QueueItem> queue = policy.next(LearnerState.empty(), 5);

        assertThat(queue).hasSize(5).allSatisfy(item -> assertThat(item.reason()).startsWith("not practised yet"));
    }
}
