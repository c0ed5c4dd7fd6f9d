package dev.hone.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hone.model.item.ItemEstimate;
import dev.hone.model.registry.LearnerModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialisationTests {

    private static final int TOPICS = 36;

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "bkt", "elo-pfa-noforget", "elo-pfa"})
    void aStateSurvivesItsByteFormAndStaysUnderTwoKibibytesFor36Topics(String name) {
        IdIndex skills = new IdIndex();
        LearnerModel model = LearnerModels.create(name, new Params(), skills);
        LearnerState state = practiseEveryTopic(model, skills);

        byte[] bytes = model.serialise(state);
        LearnerState back = model.deserialise(bytes);

        assertThat(bytes.length).isLessThan(2048);
        assertThat(model.serialise(back)).isEqualTo(bytes);
        assertThat(back.skillCount()).isEqualTo(TOPICS);
        ItemEstimate item = new ItemEstimate(0.1, 0.5, 3);
        for (int k = 0; k < TOPICS; k++) {
            int[] skill = {k};
            assertThat(model.predict(back, item, skill, 2_000_000)).isEqualTo(model.predict(state, item, skill, 2_000_000));
        }
    }

    private static LearnerState practiseEveryTopic(LearnerModel model, IdIndex skills) {
        LearnerState state = model.newState();
        long t = 1_577_836_800L;
        for (int round = 0; round < 5; round++) {
            for (int k = 0; k < TOPICS; k++) {
                int[] skill = {skills.intern("topic-" + k)};
                model.update(state, new ItemEstimate(0, 1, 0), skill, (k + round) % 3 == 0 ? 0 : 1, t);
                t += 3_600;
            }
        }
        return state;
    }
}
