package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.learner.PlacedAnswer;
import dev.hone.recommender.placement.Placement;
import dev.hone.recommender.placement.PlacementPolicy;
import dev.hone.recommender.placement.PlacementSettings;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How well a learner is known after their first answers: the same simulated learner (same hidden traits)
 * answers {@code answers} placement questions, or as many round-robin questions over their track, and the
 * estimated per-topic mastery is compared with the hidden one (P(right) on an average question, no guessing,
 * over every topic of the track). Estimates: after the placement, the placement's; after round-robin, the
 * production model's (what the queue would start from today), and, to tell selection from estimation apart,
 * the placement's estimator fed the round-robin answers. Single-threaded: a few hundred learners take seconds.
 */
final class PlacementExperiment {

    private final Catalog catalog;
    private final LearnerEngines engines;
    private final PlacementPolicy placement;
    private final QueuePolicy hone;

    PlacementExperiment(Catalog catalog, LearnerEngines engines, PlacementPolicy placement, QueuePolicy hone) {
        this.catalog = catalog;
        this.engines = engines;
        this.placement = placement;
        this.hone = hone;
    }

    /**
     * @param placementMae            mean absolute error after the placement, its own estimates
     * @param roundRobinMae           after as many round-robin answers, the learner model's estimates
     * @param roundRobinEstimatorMae  after the round-robin answers, the placement's estimator fed those answers
     * @param placementModelMae       after the placement, the learner model's estimates (same answers, model only)
     * @param meanPlacementAnswers    answers the placement took (it may stop before the cap on confidence)
     * @param oracleMae               a bound no estimate from few answers can beat by much: each topic estimated from the
     *                                learner's exact general ability (hidden), its own deviation unknown
     * @param populationPriorMae      the placement's answers through its estimator with the profile's own population
     *                                (ability mean and sd, topic sd, prerequisite correlation, as {@link SimulatedLearner}
     *                                draws it): what a prior fitted perfectly to this population would give. A bound: it
     *                                reads the simulator's parameters, which the service cannot know
     */
    record Result(int learners, int answers, double placementMae, double roundRobinMae, double roundRobinEstimatorMae,
                  double placementModelMae, double meanPlacementAnswers, double oracleMae, double populationPriorMae) {

        double reduction() {
            return 1 - placementMae / roundRobinMae;
        }
    }

    Result run(Profile profile, int learners, long seed) {
        World world = new World(catalog, profile, seed);
        LearnerEngine engine = engines.create();
        double placed = 0;
        double roundRobin = 0;
        double roundRobinEstimator = 0;
        double placedModel = 0;
        double asked = 0;
        double oracle = 0;
        double population = 0;
        PlacementPolicy fitted = populationPrior(profile);
        int answers = placement.settings().cap();
        for (int i = 0; i < learners; i++) {
            String track = profile.tracks().get(new SplittableRandom(Seeds.mix(seed, i)).nextInt(profile.tracks().size()));
            Arm p = placementArm(world, engine, seed, i, track);
            placed += p.mae(p.placement());
            placedModel += p.modelMae();
            asked += p.log().size();
            oracle += p.oracleMae();
            population += p.mae(fitted.replay(track, p.log()));
            Arm r = roundRobinArm(world, engine, seed, i, track, answers);
            roundRobin += r.modelMae();
            roundRobinEstimator += r.mae(placement.replay(track, r.log()));
        }
        return new Result(learners, answers, placed / learners, roundRobin / learners, roundRobinEstimator / learners,
                placedModel / learners, asked / learners, oracle / learners, population / learners);
    }

    /** The placement's estimator with the simulated population's own prior (never stopping early: it reads every answer). */
    private PlacementPolicy populationPrior(Profile profile) {
        PlacementSettings s = placement.settings();
        return new PlacementPolicy(catalog, new PlacementSettings(s.cap(), 0, profile.abilitySd(), Math.max(1e-3, profile.topicSd()),
                profile.prerequisiteCorrelation(), profile.abilityMean()));
    }

    /** One learner after their first answers: the hidden learner, the model, the answers, and when. */
    private record Arm(World world, SimulatedLearner learner, LearnerView model, List<PlacedAnswer> log, Placement placement, long t) {

        double modelMae() {
            double sum = 0;
            int[] topics = world.trackTopics(learner.track);
            for (int k : topics) {
                sum += Math.abs(model.mastery(world.topics.get(k).id()) - SimulatedLearner.sigmoid(learner.skill(k, t)));
            }
            return sum / topics.length;
        }

        /** sigmoid(ability) is the median of a topic's mastery given the ability: the best guess under absolute error. */
        double oracleMae() {
            double sum = 0;
            int[] topics = world.trackTopics(learner.track);
            for (int k : topics) {
                sum += Math.abs(SimulatedLearner.sigmoid(learner.ability) - SimulatedLearner.sigmoid(learner.skill(k, t)));
            }
            return sum / topics.length;
        }

        /** Topics the placement does not cover (none, unless a track has questions only for others) take the model's. */
        double mae(Placement estimate) {
            double sum = 0;
            int[] topics = world.trackTopics(learner.track);
            for (int k : topics) {
                String id = world.topics.get(k).id();
                double m = estimate.covers(id) ? estimate.estimate(id).mean() : model.mastery(id);
                sum += Math.abs(m - SimulatedLearner.sigmoid(learner.skill(k, t)));
            }
            return sum / topics.length;
        }
    }

    private Arm placementArm(World world, LearnerEngine engine, long seed, int index, String track) {
        Start s = start(world, engine, seed, index, track);
        List<PlacedAnswer> log = new ArrayList<>();
        Placement current = placement.replay(track, log);
        long t = Simulation.START;
        while (!current.complete()) {
            List<QueueItem> next = placement.next(current, Set.of(), 1);
            if (next.isEmpty()) {
                break;
            }
            Question q = catalog.question(next.get(0).questionId()).orElseThrow();
            t = answer(world, s, q, t, log);
            current = placement.replay(track, log);
        }
        return new Arm(world, s.learner(), s.session().view(t), log, current, t);
    }

    private Arm roundRobinArm(World world, LearnerEngine engine, long seed, int index, String track, int answers) {
        Start s = start(world, engine, seed, index, track);
        SimPolicy roundRobin = SimPolicy.create("round-robin", catalog, hone, world, track, Seeds.mix(seed, index + 0x7011_0000_0000L));
        List<PlacedAnswer> log = new ArrayList<>();
        long t = Simulation.START;
        while (log.size() < answers) {
            List<Question> queue = roundRobin.next(s.session().view(t), Math.min(10, answers - log.size()));
            if (queue.isEmpty()) {
                break;
            }
            for (Question q : queue) {
                t = answer(world, s, q, t, log);
            }
        }
        return new Arm(world, s.learner(), s.session().view(t), log, null, t);
    }

    private record Start(SimulatedLearner learner, LearnerEngine.Session session, SplittableRandom answers) {
    }

    /** The same hidden learner and answer draws for both arms, as {@link Simulation} makes them. */
    private static Start start(World world, LearnerEngine engine, long seed, int index, String track) {
        SplittableRandom traits = new SplittableRandom(Seeds.mix(seed, index));
        traits.nextInt(world.profile.tracks().size()); // the draw that chose the track
        SimulatedLearner learner = new SimulatedLearner(world, track, traits);
        return new Start(learner, engine.session(LearnerState.empty().withTrack(track)),
                new SplittableRandom(Seeds.mix(seed, index + 0x5EED_0000_0000L)));
    }

    private static long answer(World world, Start s, Question q, long t, List<PlacedAnswer> log) {
        boolean correct = s.learner().answer(q, t, s.answers());
        s.learner().learn(q, correct, t);
        s.session().apply(q.id(), q.skills(), q.difficulty(), correct ? 1 : 0, correct, t);
        log.add(new PlacedAnswer(q.id(), correct ? 1 : 0));
        return t + Math.round(world.profile.secondsPerAnswer());
    }
}
