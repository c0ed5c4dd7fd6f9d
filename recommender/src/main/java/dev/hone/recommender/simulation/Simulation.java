package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.events.ItemStatistics;
import dev.hone.recommender.item.ItemAnswer;
import dev.hone.recommender.item.ItemCalibrator;
import dev.hone.recommender.learner.ItemDifficulties;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.PlacedAnswer;
import dev.hone.recommender.placement.PlacedLearnerView;
import dev.hone.recommender.placement.Placement;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs simulated learners against a policy, without Kafka: each learner answers the policy's
 * queue, the production {@link LearnerEngine} learns from the answers (the policy sees nothing
 * else), and the hidden skill decides mastery. Learner {@code i} has the same hidden traits
 * under every policy for a given seed. Time: {@code secondsPerAnswer} between answers, a gap of
 * {@code sessionGapHours} after every {@code answersPerSession}; the queue is asked again when
 * used up and at every session start.
 */
public final class Simulation {

    static final long START = 1_780_000_000L;
    static final int WINDOW = 20;
    static final double BAND = 0.07;
    /** A pseudo-policy: a placement first, then Hone's policy starting from the placement's estimates. */
    static final String HONE_AFTER_PLACEMENT = "hone-after-placement";

    private final Catalog catalog;
    private final LearnerEngines engines;
    private final QueuePolicy hone;
    private final int threads;
    private final PlacementPolicy placement;
    private final Pilot pilot;

    public Simulation(Catalog catalog, LearnerEngines engines, QueuePolicy hone, int threads) {
        this(catalog, engines, hone, threads, null, Pilot.NONE);
    }

    public Simulation(Catalog catalog, LearnerEngines engines, QueuePolicy hone, int threads, PlacementPolicy placement) {
        this(catalog, engines, hone, threads, placement, Pilot.NONE);
    }

    public Simulation(Catalog catalog, LearnerEngines engines, QueuePolicy hone, int threads, Pilot pilot) {
        this(catalog, engines, hone, threads, null, pilot);
    }

    public Simulation(Catalog catalog, LearnerEngines engines, QueuePolicy hone, int threads, PlacementPolicy placement, Pilot pilot) {
        this.catalog = catalog;
        this.engines = engines;
        this.hone = hone;
        this.threads = Math.max(1, threads);
        this.placement = placement;
        this.pilot = pilot;
    }

    /**
     * A pilot cohort that calibrates the questions before the measured learners arrive, as the
     * item sub-topology does in production from earlier learners' answers: {@code learners}
     * learners (drawn apart from the measured ones) answer {@code answersEach} questions chosen at
     * random in their track; their answers go through the production {@link ItemCalibrator} in a
     * fixed order, and the policies then see the calibrated difficulties. {@link #NONE}: catalog priors.
     */
    public record Pilot(int learners, int answersEach) {
        public static final Pilot NONE = new Pilot(0, 0);
    }

    public PolicyResult run(Profile profile, String policy, int learners, long seed) {
        return summarise(runs(profile, policy, learners, seed), profile.budget(), hone.settings().targetSuccess());
    }

    /** Every learner's run (learner {@code i} the same hidden learner under every policy): for paired comparisons. */
    LearnerRun[] runs(Profile profile, String policy, int learners, long seed) {
        World world = new World(catalog, profile, seed);
        ItemDifficulties difficulties = calibrate(world, seed);
        LearnerRun[] runs = new LearnerRun[learners];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int part = 0; part < threads; part++) {
                int first = part;
                parts.add(pool.submit(() -> {
                    LearnerEngine engine = engines.create(); // not thread-safe: one per thread
                    for (int i = first; i < learners; i += threads) {
                        runs[i] = runLearner(world, engine, policy, seed, i, difficulties, profile.maxAnswers(), NO_SINK);
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return runs;
    }

    /** What the pilot does with each answer: the question, the score and the model's prediction before it. */
    private interface AnswerSink {
        void accept(Question question, boolean correct, double predicted, long epochSeconds);
    }

    private static final AnswerSink NO_SINK = (q, correct, predicted, t) -> { };

    /** The pilot cohort's calibration of the world's questions (catalog priors without a pilot). */
    ItemDifficulties calibrate(World world, long seed) {
        if (pilot.learners() <= 0) {
            return ItemDifficulties.CATALOG;
        }
        ItemCalibrator calibrator = new ItemCalibrator(engines.create());
        Map<String, ItemStatistics> items = new HashMap<>();
        LearnerEngine engine = engines.create();
        long pilotSeed = Seeds.mix(seed, 0x9110_7000_0000L);
        AnswerSink sink = (q, correct, predicted, t) -> items.put(q.id(), calibrator.next(items.get(q.id()),
                new ItemAnswer(null, q.id(), q.topic(), q.difficulty(), correct ? 1 : 0, correct, 0, predicted, null)));
        for (int i = 0; i < pilot.learners(); i++) {
            runLearner(world, engine, "random", pilotSeed, i, ItemDifficulties.CATALOG, pilot.answersEach(), sink);
        }
        return questionId -> {
            ItemStatistics stats = items.get(questionId);
            return stats == null ? OptionalDouble.empty() : OptionalDouble.of(stats.difficulty());
        };
    }

    private LearnerRun runLearner(World world, LearnerEngine engine, String policyName, long seed, int index,
                                  ItemDifficulties difficulties, int maxAnswers, AnswerSink sink) {
        Profile profile = world.profile;
        SplittableRandom traits = new SplittableRandom(Seeds.mix(seed, index));
        String track = profile.tracks().get(traits.nextInt(profile.tracks().size()));
        SimulatedLearner learner = new SimulatedLearner(world, track, traits);
        SplittableRandom answers = new SplittableRandom(Seeds.mix(seed, index + 0x5EED_0000_0000L));
        boolean placing = policyName.equals(HONE_AFTER_PLACEMENT);
        SimPolicy policy = SimPolicy.create(placing ? "hone" : policyName, catalog, hone, world, track, Seeds.mix(seed, index + 0x7011_0000_0000L));
        LearnerEngine.Session session = engine.session(LearnerState.empty().withTrack(track));
        long t = START;
        List<Question> queue = new ArrayList<>();
        int queued = 0;
        boolean[] outcomes = new boolean[maxAnswers];
        int n = 0;
        int toMastery = -1;
        Placement placed = null;
        if (placing) {
            Phase phase = place(learner, session, answers, profile, track);
            System.arraycopy(phase.outcomes(), 0, outcomes, 0, phase.outcomes().length);
            n = phase.outcomes().length;
            t = phase.t();
            placed = phase.placement();
            toMastery = learner.mastered(t) ? n : -1;
        }
        while (n < maxAnswers && toMastery < 0) {
            if (queued >= queue.size()) {
                LearnerView calibrated = session.view(t, difficulties);
                LearnerView view = placed == null ? calibrated : new PlacedLearnerView(calibrated, placed);
                queue = policy.next(view, profile.queueSize());
                queued = 0;
                if (queue.isEmpty()) {
                    break;
                }
            }
            Question q = queue.get(queued++);
            boolean correct = learner.answer(q, t, answers);
            learner.learn(q, correct, t);
            double predicted = session.apply(q.id(), q.skills(), q.difficulty(), correct ? 1 : 0, correct, t);
            sink.accept(q, correct, predicted, t);
            outcomes[n++] = correct;
            if (learner.mastered(t)) {
                toMastery = n;
                break;
            }
            if (n % profile.answersPerSession() == 0) {
                t += Math.round(profile.sessionGapHours() * 3600);
                queue = List.of(); // a new session asks for a fresh queue
                queued = 0;
            } else {
                t += Math.round(profile.secondsPerAnswer());
            }
        }
        return new LearnerRun(toMastery, Arrays.copyOf(outcomes, n));
    }

    /** The learner's placement, one question at a time, in the first session; time moves as in a session. */
    private Phase place(SimulatedLearner learner, LearnerEngine.Session session, SplittableRandom answers, Profile profile, String track) {
        List<PlacedAnswer> log = new ArrayList<>();
        long t = START;
        Placement current = placement.replay(track, log);
        List<Boolean> outcomes = new ArrayList<>();
        while (!current.complete()) {
            List<QueueItem> next = placement.next(current, java.util.Set.of(), 1);
            if (next.isEmpty()) {
                break;
            }
            Question q = catalog.question(next.get(0).questionId()).orElseThrow();
            boolean correct = learner.answer(q, t, answers);
            learner.learn(q, correct, t);
            session.apply(q.id(), q.skills(), q.difficulty(), correct ? 1 : 0, correct, t);
            log.add(new PlacedAnswer(q.id(), correct ? 1 : 0));
            outcomes.add(correct);
            current = placement.replay(track, log);
            t += outcomes.size() % profile.answersPerSession() == 0 ? Math.round(profile.sessionGapHours() * 3600)
                    : Math.round(profile.secondsPerAnswer());
        }
        boolean[] o = new boolean[outcomes.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = outcomes.get(i);
        }
        return new Phase(current, o, t, log);
    }

    record Phase(Placement placement, boolean[] outcomes, long t, List<PlacedAnswer> log) {
    }

    static PolicyResult summarise(LearnerRun[] runs, int budget, double target) {
        double[] toMastery = new double[runs.length];
        int withinBudget = 0;
        double success = 0;
        int adherent = 0;
        long windows = 0;
        long inBand = 0;
        long answers = 0;
        for (int i = 0; i < runs.length; i++) {
            LearnerRun run = runs[i];
            toMastery[i] = run.answersToMastery() < 0 ? Double.POSITIVE_INFINITY : run.answersToMastery();
            withinBudget += run.answersToMastery() >= 0 && run.answersToMastery() <= budget ? 1 : 0;
            boolean[] o = run.outcomes();
            answers += o.length;
            int right = 0;
            for (boolean b : o) {
                right += b ? 1 : 0;
            }
            success += o.length == 0 ? 0 : (double) right / o.length;
            double windowSum = 0;
            int learnerWindows = 0;
            int inWindow = 0;
            for (int j = 0; j < o.length; j++) {
                inWindow += o[j] ? 1 : 0;
                if (j >= WINDOW) {
                    inWindow -= o[j - WINDOW] ? 1 : 0;
                }
                if (j >= WINDOW - 1) {
                    double rate = inWindow / (double) WINDOW;
                    windowSum += rate;
                    learnerWindows++;
                    inBand += Math.abs(rate - target) <= BAND + 1e-9 ? 1 : 0;
                }
            }
            windows += learnerWindows;
            adherent += learnerWindows > 0 && Math.abs(windowSum / learnerWindows - target) <= BAND ? 1 : 0;
        }
        Arrays.sort(toMastery);
        double median = runs.length == 0 ? Double.POSITIVE_INFINITY : runs.length % 2 == 1 ? toMastery[runs.length / 2]
                : (toMastery[runs.length / 2 - 1] + toMastery[runs.length / 2]) / 2;
        int n = Math.max(1, runs.length);
        return new PolicyResult(Double.isInfinite(median) ? null : median, (double) withinBudget / n, success / n,
                (double) adherent / n, windows == 0 ? 0 : (double) inBand / windows, (double) answers / n);
    }

    record LearnerRun(int answersToMastery, boolean[] outcomes) {
    }
}
