package dev.hone.model.elopfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hone.model.IdIndex;
import dev.hone.model.LearnerState;
import dev.hone.model.Mastery;
import dev.hone.model.item.ItemEstimate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EloPfaModelTests {

    private static final long DAY = 86_400;

    private final IdIndex skills = new IdIndex();
    private final int[] skill = {skills.intern("comprehensions")};

    /** bias 0.2; skill weights: intercept 0.1, log successes 0.3, log failures -0.2, recency 1.0; globals below. */
    private EloPfaModel model(boolean forgetting) {
        EloPfaParams params = new EloPfaParams(0.2, new double[] {0.1, 0.3, -0.2, 1.0}, Map.of(),
                new double[] {0.05, -0.05, 0.5, -0.1, 0.2, -0.3}, 0.3, 0.1, 1.0,
                new Features.Settings(0.7, DAY, forgetting));
        return new EloPfaModel(params, skills);
    }

    @Test
    void aNewLearnerIsPredictedFromBiasSkillAndItemDifficultyAlone() {
        EloPfaModel model = model(true);

        double p = model.predict(model.newState(), new ItemEstimate(0.4, 1, 0), skill, 0);

        // sigmoid(0.2 - 0.4 + 0.1)
        assertThat(p).isCloseTo(0.47502081252106, within(1e-12));
    }

    @Test
    void aCorrectAnswerRaisesBothAbilitiesByAKalmanStep() {
        EloPfaModel model = model(true);
        EloPfaState state = (EloPfaState) model.newState();

        double p = model.update(state, new ItemEstimate(0.4, 1, 0), skill, 1, 1000);

        // w = p(1-p); each ability moves by v * (1 - p) / (1 + w * (0.3 + 0.1)), variance by v^2 w / (same)
        assertThat(p).isCloseTo(0.47502081252106, within(1e-12));
        assertThat(state.ability).isCloseTo(0.14320863528787472f, within(1e-6f));
        assertThat(state.skillAbility[0]).isCloseTo(0.0477362117626249f, within(1e-6f));
        assertThat(state.abilityVariance).isCloseTo(0.27959187531165647f, within(1e-6f));
        assertThat(state.skillAbilityVariance[0]).isCloseTo(0.09773243059018406f, within(1e-6f));
    }

    @Test
    void theNextPredictionAddsCountRecencyAndElapsedTimeFeatures() {
        EloPfaModel model = model(true);
        LearnerState state = model.newState();
        ItemEstimate item = new ItemEstimate(0.4, 1, 0);
        model.update(state, item, skill, 1, 1000);

        double p = model.predict(state, item, skill, 1060);

        // logit = 0.2 - 0.4 + abilities + 0.1 + 0.3 ln2 + 1.0 * 0.25 + 0.05 ln2 + 0.5 * 0.25
        //         - 0.1 ln(1 + 1 minute) + 0.2 ln(1 + e^(-60/86400))
        assertThat(p).isCloseTo(0.6852039680229894, within(1e-6));
    }

    @Test
    void forgettingLowersTheEstimateAfterAWeek() {
        EloPfaModel model = model(true);
        LearnerState state = model.newState();
        ItemEstimate item = new ItemEstimate(0.4, 1, 0);
        model.update(state, item, skill, 1, 1000);

        double afterAWeek = model.predict(state, item, skill, 1000 + 7 * DAY);

        // as above with ln(1 + 10080 minutes) and ln(1 + e^-7)
        assertThat(afterAWeek).isCloseTo(0.44692270123014977, within(1e-6));
        assertThat(model.mastery(state, skill[0], 1000 + 7 * DAY).mean())
                .isLessThan(model.mastery(state, skill[0], 1060).mean());
    }

    @Test
    void withoutForgettingElapsedTimeChangesNothing() {
        EloPfaModel model = model(false);
        LearnerState state = model.newState();
        ItemEstimate item = new ItemEstimate(0.4, 1, 0);
        model.update(state, item, skill, 1, 1000);

        assertThat(model.predict(state, item, skill, 1000 + 7 * DAY)).isEqualTo(model.predict(state, item, skill, 1060));
        assertThat(model.name()).isEqualTo("elo-pfa-noforget");
    }

    @Test
    void aMultiSkillAnswerUpdatesEveryTopicItTouches() {
        EloPfaModel model = model(true);
        EloPfaState state = (EloPfaState) model.newState();
        int[] two = {skill[0], skills.intern("generators")};

        model.update(state, new ItemEstimate(0, 1, 0), two, 0, 0);

        assertThat(state.skillCount()).isEqualTo(2);
        assertThat(state.failure[0]).isEqualTo(1);
        assertThat(state.failure[1]).isEqualTo(1);
        assertThat(state.skillAbility[1]).isNegative();
    }

    @Test
    void masteryNarrowsAsEvidenceAccumulates() {
        EloPfaModel model = model(true);
        LearnerState state = model.newState();
        Mastery before = model.mastery(state, skill[0], 0);
        for (int i = 0; i < 20; i++) {
            model.update(state, new ItemEstimate(0, 1, 0), skill, i % 4 == 0 ? 0 : 1, 60L * i);
        }

        Mastery after = model.mastery(state, skill[0], 60L * 20);

        assertThat(after.high() - after.low()).isLessThan(before.high() - before.low());
        assertThat(after.evidence()).isEqualTo(20);
        assertThat(after.mean()).isBetween(after.low(), after.high());
    }

    @Test
    void partialCreditCountsAsFractionalSuccessAndFailure() {
        EloPfaModel model = model(true);
        EloPfaState state = (EloPfaState) model.newState();

        model.update(state, new ItemEstimate(0, 1, 0), skill, 0.5, 0);

        assertThat(state.success[0]).isEqualTo(0.5f);
        assertThat(state.failure[0]).isEqualTo(0.5f);
    }
}
