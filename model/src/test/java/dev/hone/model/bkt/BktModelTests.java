package dev.hone.model.bkt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hone.model.IdIndex;
import dev.hone.model.LearnerState;
import dev.hone.model.item.ItemEstimate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BktModelTests {

    private final IdIndex skills = new IdIndex();
    private final BktModel model = new BktModel(skills, new BktSkill(0.5, 0.1, 0.2, 0.1, 0.05), Map.of());
    private final ItemEstimate item = new ItemEstimate(0, 1, 0);
    private final int[] skill = {skills.intern("fractions")};

    @Test
    void theFirstPredictionMixesGuessAndSlipAtTheInitialKnowledge() {
        // 0.5 * (1 - 0.1) + 0.5 * 0.2
        assertThat(model.predict(model.newState(), item, skill, 0)).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void aCorrectAnswerRaisesKnowledgeByBayesThenLearningAndForgetting() {
        LearnerState state = model.newState();

        model.update(state, item, skill, 1, 0);

        // posterior 0.45 / 0.55 = 0.8182; then 0.8182 * (1 - 0.05) + 0.1818 * 0.1 = 0.79545
        assertThat(model.mastery(state, skill[0], 0).mean()).isCloseTo(0.7954545, within(1e-6));
        assertThat(model.predict(state, item, skill, 1)).isCloseTo(0.7568182, within(1e-6));
    }

    @Test
    void aWrongAnswerAfterwardsLowersIt() {
        LearnerState state = model.newState();

        model.update(state, item, skill, 1, 0);
        model.update(state, item, skill, 0, 60);

        assertThat(model.mastery(state, skill[0], 60).mean()).isCloseTo(0.3780374, within(1e-6));
    }

    @Test
    void skillsWithoutFittedParametersUseThePooledOnes() {
        int other = skills.intern("loops");

        assertThat(model.skill(other)).isEqualTo(new BktSkill(0.5, 0.1, 0.2, 0.1, 0.05));
    }
}
