package dev.hone.recommender.learner;

import dev.hone.catalog.Question;
import dev.hone.model.IdIndex;
import dev.hone.model.LearnerModel;
import dev.hone.model.Mastery;
import dev.hone.model.item.ItemBank;
import dev.hone.model.item.ItemEstimate;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return learn(state, eventId, questionId, skills, difficulty, score, correct, epochSeconds).next();
    }

    /**
     * {@link #apply}, also returning the model's prediction just before the answer. The learner's
     * update always uses the item's prior (catalog level), never the live calibration: a learner's
     * state is then a function of their own answers only, so a replay of them gives the same state.
     */
    public Applied applyAnswer(LearnerState state, String eventId, String questionId, List<String> skills, int difficulty,
                               double score, boolean correct, long epochSeconds) {
        Learned learned = learn(state, eventId, questionId, skills, difficulty, score, correct, epochSeconds);
        // The view after the answer reads what a later reader of the stored state reads: the updated state itself when
        // the model stores it exactly, else the stored form decoded (the stream thread saves a decode per answer)
        dev.hone.model.LearnerState after = model.serialisesExactly() ? learned.modelState() : model.deserialise(learned.next().model());
        return new Applied(learned.next(), learned.predicted(), view(learned.next(), after, epochSeconds, ItemDifficulties.CATALOG));
    }

    /** One answer learned: the model's state updated in place, the learner's next state and the prediction before. */
    private record Learned(dev.hone.model.LearnerState modelState, LearnerState next, double predicted) {
    }

    private Learned learn(LearnerState state, String eventId, String questionId, List<String> skills, int difficulty,
                          double score, boolean correct, long epochSeconds) {
        dev.hone.model.LearnerState modelState = modelState(state);
        double predicted = model.update(modelState, item(questionId, difficulty), skillIds(skills), score, epochSeconds);
        LearnerState next = state.withAnswer(model.serialise(modelState), eventId, questionId, skills, score, correct, epochSeconds, predicted);
        return new Learned(modelState, next, predicted);
    }

    /**
     * A learner's state after an answer, the probability of a right answer the model gave before it, and the learner
     * as the policy sees them right after it (at the answer's time).
     */
    public record Applied(LearnerState state, double predicted, LearnerView view) {
    }

    /** A copy of the prior of a question never calibrated: its catalog level on the model's logit scale. */
    public ItemEstimate itemPrior(String questionId, int catalogDifficulty) {
        ItemEstimate prior = item(questionId, catalogDifficulty);
        return new ItemEstimate(prior.difficulty(), prior.variance(), 0);
    }

    /** One calibration step of the item from an answer the model predicted with {@code predicted}; the model's rule. */
    public void calibrate(ItemEstimate item, double predicted, double score) {
        model.calibrate(item, predicted, score);
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
        return view(state, modelState(state), epochSeconds, ItemDifficulties.CATALOG);
    }

    /** As {@link #view(LearnerState, long)}, predicting with the calibrated difficulty of the questions that have one. */
    public LearnerView view(LearnerState state, long epochSeconds, ItemDifficulties calibrated) {
        return view(state, modelState(state), epochSeconds, calibrated);
    }

    /**
     * One learner kept decoded across many answers, for replays and the simulator: the same model
     * updates as {@link #apply}, without encoding the model state after every answer (so without
     * the rounding of the stored form). {@link Session#state()} encodes it on demand.
     */
    public Session session(LearnerState start) {
        return new Session(start);
    }

    public final class Session {
        private final dev.hone.model.LearnerState decoded;
        private final Map<String, TopicTally> tallies;
        private final ArrayDeque<String> recent = new ArrayDeque<>();
        private final String track;

        private Session(LearnerState start) {
            decoded = modelState(start);
            tallies = new LinkedHashMap<>(start.topics());
            recent.addAll(start.recentQuestions());
            track = start.track();
        }

        /** Learns from one answer; returns the model's prediction just before it (at the question's prior difficulty). */
        public double apply(String questionId, List<String> skills, int difficulty, double score, boolean correct, long epochSeconds) {
            double predicted = model.update(decoded, item(questionId, difficulty), skillIds(skills), score, epochSeconds);
            for (String skill : skills) {
                tallies.put(skill, tallies.getOrDefault(skill, TopicTally.EMPTY).plus(score, correct, epochSeconds, predicted));
            }
            recent.addLast(questionId);
            while (recent.size() > LearnerState.RECENT_QUESTIONS) {
                recent.removeFirst();
            }
            return predicted;
        }

        /** The learner as the policy sees them at {@code epochSeconds}. */
        public LearnerView view(long epochSeconds) {
            return view(epochSeconds, ItemDifficulties.CATALOG);
        }

        /** As {@link #view(long)}, predicting with the calibrated difficulty of the questions that have one. */
        public LearnerView view(long epochSeconds, ItemDifficulties calibrated) {
            LearnerState snapshot = new LearnerState(null, tallies, List.copyOf(recent), List.of(), track);
            return LearnerEngine.this.view(snapshot, decoded, epochSeconds, calibrated);
        }

        /** The stored form (event ids are not kept by a session). */
        public LearnerState state() {
            return new LearnerState(model.serialise(decoded), tallies, List.copyOf(recent), List.of(), track);
        }
    }

    private LearnerView view(LearnerState state, dev.hone.model.LearnerState decoded, long epochSeconds,
                             ItemDifficulties calibrated) {
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
                var difficulty = calibrated.difficulty(question.id());
                ItemEstimate item = difficulty.isPresent() ? new ItemEstimate(difficulty.getAsDouble(), 0, 0)
                        : item(question.id(), question.difficulty());
                return model.predict(decoded, item, skillIds(question.skills()), epochSeconds);
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
