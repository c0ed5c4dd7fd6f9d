package dev.hone.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hone.model.LearnerState;
import dev.hone.model.Mastery;
import dev.hone.model.item.ItemEstimate;
import org.junit.jupiter.api.Test;

class BaselineModelTests {

    private final BaselineModel model = new BaselineModel(0.6, 2);
    private final ItemEstimate item = new ItemEstimate(0, 1, 0);

    @Test
    void anUnseenSkillIsPredictedAtThePriorMean() {
        LearnerState state = model.newState();

        assertThat(model.predict(state, item, new int[] {3}, 0)).isEqualTo(0.6);
    }

    @Test
    void aCorrectAnswerMovesTheSmoothedAccuracyUp() {
        LearnerState state = model.newState();

        double before = model.update(state, item, new int[] {3}, 1, 0);

        assertThat(before).isEqualTo(0.6);
        // (1 + 2 * 0.6) / (1 + 2)
        assertThat(model.predict(state, item, new int[] {3}, 60)).isCloseTo(2.2 / 3, within(1e-12));
    }

    @Test
    void aMultiSkillItemUpdatesEachSkillAndPredictsTheirMean() {
        LearnerState state = model.newState();

        model.update(state, item, new int[] {1, 2}, 0, 0);

        // each skill: (0 + 1.2) / 3 = 0.4; skill 5 unseen: 0.6
        assertThat(model.predict(state, item, new int[] {1}, 1)).isCloseTo(0.4, within(1e-12));
        assertThat(model.predict(state, item, new int[] {2, 5}, 1)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void masteryIsTheBetaPosteriorWithAnIntervalAroundIt() {
        LearnerState state = model.newState();
        model.update(state, item, new int[] {1}, 1, 0);
        model.update(state, item, new int[] {1}, 1, 1);

        Mastery m = model.mastery(state, 1, 2);

        // Beta(2 + 1.2, 0 + 0.8): mean 3.2 / 4
        assertThat(m.mean()).isCloseTo(0.8, within(1e-12));
        assertThat(m.low()).isLessThan(m.mean());
        assertThat(m.high()).isGreaterThan(m.mean());
        assertThat(m.evidence()).isEqualTo(2);
    }
}
