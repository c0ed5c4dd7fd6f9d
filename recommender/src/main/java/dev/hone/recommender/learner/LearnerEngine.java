package dev.hone.recommender.learner;

import dev.hone.catalog.Question;
import dev.hone.model.IdIndex;
import dev.hone.model.LearnerModel;
import dev.hone.model.Mastery;
import dev.hone.model.item.ItemBank;
import dev.hone.model.item.ItemEstimate;

import java.util.List;

/**
 * The learner model applied to Hone's catalog: topics are the model's skills, questions its
 * items (difficulty prior from the catalog). Plain Java and not thread-safe (the model keeps
 * scratch buffers): one engine per stream task or request thread, made by {@link LearnerEngines}.
 * Time always comes from the caller.
 */
public final class LearnerEngine {

    private final LearnerModel model;
    private final IdIndex topics;
    private final ItemBank items;

    LearnerEngine(LearnerModel model, IdIndex topics, ItemBank items) {
        this.model = model;
        this.topics = topics;
        this.items = items;
    }

    /** The state after one answer; the caller checked it is not a resend. */
    public LearnerState apply(LearnerState state, String eventId, String questionId, List<String> skills, int difficulty,
                              double score, boolean correct, long epochSeconds) {
        dev.hone.model.LearnerState modelState = modelState(state);
        model.update(modelState, item(questionId, difficulty), skillIds(skills), score, epochSeconds);
        return state.withAnswer(model.serialise(modelState), eventId, questionId, skills, score, correct, epochSeconds);
    }

    /** The probability the learner answers {@code question} right at {@code epochSeconds}. */
    public double predict(LearnerState state, Question question, long epochSeconds) {
        return model.predict(modelState(state), item(question.id(), question.difficulty()), skillIds(question.skills()), epochSeconds);
    }

    /** The estimate of one topic at {@code epochSeconds}, with forgetting up to then. */
    public Mastery mastery(LearnerState state, String topicId, long epochSeconds) {
        return model.mastery(modelState(state), topics.intern(topicId), epochSeconds);
    }

    /** A reusable view of one learner for the policy: the model state is decoded once. */
    public LearnerView view(LearnerState state, long epochSeconds) {
        dev.hone.model.LearnerState decoded = modelState(state);
        return new LearnerView() {
            @Override
            public double mastery(String topicId) {
                return model.mastery(decoded, topics.intern(topicId), epochSeconds).mean();
            }

            @Override
            public Mastery masteryDetail(String topicId) {
                return model.mastery(decoded, topics.intern(topicId), epochSeconds);
            }

            @Override
            public Mastery masteryDetailAt(String topicId, long atEpochSeconds) {
                return model.mastery(decoded, topics.intern(topicId), atEpochSeconds);
            }

            @Override
            public double predict(Question question) {
                return model.predict(decoded, item(question.id(), question.difficulty()), skillIds(question.skills()), epochSeconds);
            }

            @Override
            public LearnerState state() {
                return state;
            }

            @Override
            public long epochSeconds() {
                return epochSeconds;
            }
        };
    }

    private dev.hone.model.LearnerState modelState(LearnerState state) {
        return state.model() == null ? model.newState() : model.deserialise(state.model());
    }

    private ItemEstimate item(String questionId, int difficulty) {
        return items.withCatalogPrior(questionId, difficulty);
    }

    private int[] skillIds(List<String> skills) {
        int[] ids = new int[skills.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = topics.intern(skills.get(i));
        }
        return ids;
    }
}
