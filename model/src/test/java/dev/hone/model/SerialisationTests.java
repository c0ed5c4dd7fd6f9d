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

    @ParameterizedTest
    @ValueSource(strings = {"elo-pfa-noforget", "elo-pfa"}) // the models that say so; callers decode the others' stored form
    void aModelThatSerialisesExactlyGoesOnFromItsStateAsFromTheStoredForm(String name) {
        IdIndex skills = new IdIndex();
        LearnerModel model = LearnerModels.create(name, new Params(), skills);
        assertThat(model.serialisesExactly()).isTrue();
        var random = new java.util.SplittableRandom(7);
        LearnerState kept = model.newState();
        LearnerState stored = model.newState();
        long t = 1_577_836_800L;
        for (int answer = 0; answer < 400; answer++) {
            int[] touched = random.nextInt(4) == 0
                    ? new int[] {skills.intern("topic-" + random.nextInt(TOPICS)), skills.intern("topic-" + random.nextInt(TOPICS))}
                    : new int[] {skills.intern("topic-" + random.nextInt(TOPICS))};
            ItemEstimate item = new ItemEstimate(random.nextDouble(-2, 2), random.nextDouble(0, 1), random.nextInt(50));
            double score = random.nextInt(5) == 0 ? random.nextDouble() : random.nextInt(2);
            t += random.nextInt(3) == 0 ? random.nextLong(86_400L * 30) : random.nextInt(600);

            double keptPredicted = model.update(kept, item, touched, score, t);
            double storedPredicted = model.update(stored, item, touched, score, t);
            stored = model.deserialise(model.serialise(stored));

            assertThat(keptPredicted).isEqualTo(storedPredicted);
            assertThat(model.serialise(kept)).isEqualTo(model.serialise(stored));
            for (int k = 0; k < TOPICS; k += 5) {
                int skill = skills.intern("topic-" + k);
                assertThat(model.mastery(kept, skill, t + 86_400)).isEqualTo(model.mastery(stored, skill, t + 86_400));
            }
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
