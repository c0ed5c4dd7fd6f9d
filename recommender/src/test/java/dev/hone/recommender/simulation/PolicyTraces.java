package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.policy.PolicySettings;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A diagnostic, not a test: runs simulated learners as {@link Simulation} does and records, per answer,
 * what the policy's choice did to the hidden learner (was the topic already mastered, how far the item was
 * from the learner's zone, how much skill the answer added). Also runs two oracles that read the hidden skill:
 * {@code oracle} (the lowest hidden topics first, the item of the largest expected gain) and
 * {@code oracle-topics} (hidden topic order, a random item as lowest-mastery-first picks). Usage:
 * {@code java -cp ... PolicyTraces PROFILE LEARNERS SEED policy,policy,... [name=value ...]}
 */
public final class PolicyTraces {

    private PolicyTraces() {
    }

    public static void main(String[] args) {
        Catalog catalog = Catalog.bundled();
        Profile profile = args[0].endsWith(".properties") ? Profile.load(java.nio.file.Path.of(args[0])) : Profile.shipped(args[0]);
        int learners = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        List<String> policies = List.of(args[3].split(","));
        java.util.Map<String, String> sets = new java.util.LinkedHashMap<>();
        for (String set : Arrays.asList(args).subList(4, args.length)) {
            sets.put(set.substring(0, set.indexOf('=')), set.substring(set.indexOf('=') + 1));
        }
        PolicySettings settings = SettingsFile.apply(PolicySettings.defaults(), sets);
        LearnerEngines engines = new LearnerEngines(LearnerEngines.loadParams(System.getProperty("params")), "elo-pfa", catalog);
        QueuePolicy hone = new QueuePolicy(catalog, settings);
        World world = new World(catalog, profile, seed);
        for (String policy : policies) {
            Stats[] stats = IntStream.range(0, learners).parallel()
                    .mapToObj(i -> run(world, engines.create(), catalog, hone, policy, seed, i)).toArray(Stats[]::new);
            print(policy, stats);
        }
    }

    static final class Stats {
        int toMastery = -1;
        int answers;
        int onMastered;
        int onWellMastered;
        double gain;
        double zpd;
        double gate;
        int correct;
        int tail;
        int reachedFew = -1;
        double[] skillAtEnd;
        int[] perTopic;
        java.util.Map<String, int[]> reasons = new java.util.TreeMap<>();
        double[] corr = new double[SIGNALS.length];
        int corrN;
        double[][] offset = new double[Q.length][64];
        double[][] variance = new double[Q.length][64];
        double[] ema = new double[64];
        {
            for (double[] v : variance) {
                Arrays.fill(v, V0);
            }
        }

        void track(int k, double predicted, double score) {
            for (int i = 0; i < Q.length; i++) {
                double p = SimulatedLearner.sigmoid(SimulatedLearner.logit(predicted) + offset[i][k]);
                double w = p * (1 - p);
                double v = variance[i][k];
                offset[i][k] += v * (score - p) / (1 + v * w);
                variance[i][k] = v - v * v * w / (1 + v * w) + Q[i];
            }
            ema[k] = 0.9 * ema[k] + 0.1 * (score - predicted);
        }
    }

    static final double V0 = 0.5;
    static final double[] Q = {0.01, 0.03, 0.1};
    static final String[] SIGNALS = {"mastery", "+residual", "+kalman q=0.01", "+kalman q=0.03", "+kalman q=0.1", "+ema0.1"};

    /** Rank correlation, over the track's topics, of the hidden skill with the model's mastery (+ k * residual), then with the success rate. */
    static void correlate(World world, SimulatedLearner learner, LearnerView view, long t, Stats s) {
        int[] topics = learner.trackTopics;
        double[] hidden = new double[topics.length];
        for (int i = 0; i < topics.length; i++) {
            hidden[i] = learner.skill(topics[i], t);
        }
        for (int j = 0; j < SIGNALS.length; j++) {
            double[] signal = new double[topics.length];
            for (int i = 0; i < topics.length; i++) {
                String id = world.topics.get(topics[i]).id();
                double m = view.mastery(id);
                double logit = Math.log(m / (1 - m));
                int k = topics[i];
                signal[i] = switch (j) {
                    case 0 -> logit;
                    case 1 -> logit + view.state().tally(id).recentResidual() / 0.1875;
                    case 2, 3, 4 -> logit + s.offset[j - 2][k];
                    default -> logit + s.ema[k] / 0.1875;
                };
            }
            s.corr[j] += spearman(hidden, signal);
        }
        s.corrN++;
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - ma);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - ma) * (rb[i] - ma);
        }
        return sab / Math.sqrt(saa * sbb + 1e-12);
    }

    static double[] ranks(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int i = 0; i < idx.length; i++) {
            r[idx[i]] = i;
        }
        return r;
    }

    /** The reason code of each question Hone's policy queued, for the breakdown by reason. */
    private static final ThreadLocal<java.util.Map<String, String>> REASONS = ThreadLocal.withInitial(java.util.HashMap::new);

    static Stats run(World world, LearnerEngine engine, Catalog catalog, QueuePolicy hone, String policyName, long seed, int index) {
        Profile profile = world.profile;
        SplittableRandom traits = new SplittableRandom(Seeds.mix(seed, index));
        String track = profile.tracks().get(traits.nextInt(profile.tracks().size()));
        SimulatedLearner learner = new SimulatedLearner(world, track, traits);
        SplittableRandom answers = new SplittableRandom(Seeds.mix(seed, index + 0x5EED_0000_0000L));
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, index + 0x7011_0000_0000L));
        LearnerEngine.Session session = engine.session(LearnerState.empty().withTrack(track));
        double masteryLogit = SimulatedLearner.logit(profile.masteryThreshold());
        Stats s = new Stats();
        s.perTopic = new int[world.topics.size()];
        long t = Simulation.START;
        List<Question> queue = new ArrayList<>();
        int queued = 0;
        int n = 0;
        while (n < profile.maxAnswers()) {
            if (queued >= queue.size()) {
                LearnerView view = session.view(t);
                if (n > 100) {
                    correlate(world, learner, view, t, s);
                }
                queue = choose(policyName, world, catalog, hone, learner, view, t, profile.queueSize(), random);
                queued = 0;
                if (queue.isEmpty()) {
                    break;
                }
            }
            Question q = queue.get(queued++);
            int k = world.topicIndex.get(q.topic());
            double before = learner.skill(k, t);
            s.onMastered += before >= masteryLogit ? 1 : 0;
            int[] r = s.reasons.computeIfAbsent(REASONS.get().getOrDefault(q.id(), "-"), x -> new int[2]);
            r[0]++;
            r[1] += before >= masteryLogit ? 1 : 0;
            s.onWellMastered += before >= masteryLogit + 0.5 ? 1 : 0;
            double p = SimulatedLearner.sigmoid(before - world.difficulty(q));
            s.zpd += profile.zpdFloor() + (1 - profile.zpdFloor())
                    * Math.exp(-Math.pow(SimulatedLearner.logit(p) - SimulatedLearner.logit(profile.zpdCentre()), 2) / (2 * profile.zpdWidth() * profile.zpdWidth()));
            boolean correct = learner.answer(q, t, answers);
            learner.learn(q, correct, t);
            s.gain += learner.skill(k, t) - before;
            s.correct += correct ? 1 : 0;
            s.perTopic[k]++;
            double predicted = session.apply(q.id(), q.skills(), q.difficulty(), correct ? 1 : 0, correct, t);
            for (String skill : q.skills()) {
                Integer j = world.topicIndex.get(skill);
                if (j != null) {
                    s.track(j, predicted, correct ? 1 : 0);
                }
            }
            n++;
            int open = 0;
            for (int j : learner.trackTopics) {
                open += learner.skill(j, t) < masteryLogit ? 1 : 0;
            }
            if (open <= 3 && s.reachedFew < 0) {
                s.reachedFew = n;
            }
            if (open == 0) {
                s.toMastery = n;
                break;
            }
            if (n % profile.answersPerSession() == 0) {
                t += Math.round(profile.sessionGapHours() * 3600);
                queue = List.of();
                queued = 0;
            } else {
                t += Math.round(profile.secondsPerAnswer());
            }
        }
        s.answers = n;
        s.tail = s.toMastery > 0 && s.reachedFew > 0 ? s.toMastery - s.reachedFew : -1;
        return s;
    }

    static List<Question> choose(String name, World world, Catalog catalog, QueuePolicy hone, SimulatedLearner learner,
                                 LearnerView view, long t, int n, SplittableRandom random) {
        List<Topic> topics = Arrays.stream(learner.trackTopics).mapToObj(world.topics::get).toList();
        Set<String> excluded = new HashSet<>(view.state().recentQuestions());
        return switch (name) {
            case "hone" -> hone.next(view, n).stream().peek(i -> REASONS.get().put(i.questionId(), i.reasonCode())).map(QueueItem::questionId).map(id -> catalog.question(id).orElseThrow()).toList();
            case "lmf" -> SimPolicy.Baselines.lowestMasteryFirst(catalog, topics, view, n, random);
            case "lmf-aim" -> lowest(topics, tp -> view.mastery(tp.id()), n).stream()
                    .map(tp -> nearest(catalog, tp, excluded, q -> view.predict(q), 0.75)).filter(q -> q != null).toList();
            case "oracle-topics" -> lowest(topics, tp -> learner.skill(world.topicIndex.get(tp.id()), t), n).stream()
                    .map(tp -> SimPolicy.Baselines.randomIn(catalog, tp, excluded, random)).filter(q -> q != null).toList();
            case "oracle-topics-aim" -> lowest(topics, tp -> learner.skill(world.topicIndex.get(tp.id()), t), n).stream()
                    .map(tp -> nearest(catalog, tp, excluded, q -> view.predict(q), 0.75)).filter(q -> q != null).toList();
            case "oracle" -> lowest(topics, tp -> learner.skill(world.topicIndex.get(tp.id()), t), n).stream()
                    .map(tp -> nearest(catalog, tp, excluded, q -> trueP(world, learner, q, t), 0.85)).filter(q -> q != null).toList();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static double trueP(World world, SimulatedLearner learner, Question q, long t) {
        return SimulatedLearner.sigmoid(learner.skill(world.topicIndex.get(q.topic()), t) - world.difficulty(q));
    }

    static List<Topic> lowest(List<Topic> topics, java.util.function.ToDoubleFunction<Topic> level, int n) {
        return topics.stream().sorted(Comparator.comparingDouble(level)).limit(n).toList();
    }

    static Question nearest(Catalog catalog, Topic topic, Set<String> excluded, java.util.function.ToDoubleFunction<Question> p, double target) {
        Question best = null;
        double bestScore = Double.MAX_VALUE;
        for (Question q : catalog.questionsOf(topic.id())) {
            if (excluded.contains(q.id())) {
                continue;
            }
            double score = Math.abs(p.applyAsDouble(q) - target);
            if (score < bestScore) {
                best = q;
                bestScore = score;
            }
        }
        if (best != null) {
            excluded.add(best.id());
        }
        return best;
    }

    static void print(String policy, Stats[] stats) {
        double[] m = Arrays.stream(stats).mapToDouble(s -> s.toMastery < 0 ? Double.POSITIVE_INFINITY : s.toMastery).sorted().toArray();
        double[] tails = Arrays.stream(stats).filter(s -> s.tail >= 0).mapToDouble(s -> s.tail).sorted().toArray();
        double[] few = Arrays.stream(stats).filter(s -> s.reachedFew >= 0).mapToDouble(s -> s.reachedFew).sorted().toArray();
        long answers = Arrays.stream(stats).mapToLong(s -> s.answers).sum();
        System.out.printf(Locale.ROOT,
                "%-18s median %6.0f | answers on mastered topics %.3f (>= +0.5 logit %.3f) | gain/answer %.4f | zpd %.3f | success %.3f | median answers to <=3 open %5.0f, tail %4.0f%n",
                policy, m[m.length / 2], Arrays.stream(stats).mapToLong(s -> s.onMastered).sum() / (double) answers,
                Arrays.stream(stats).mapToLong(s -> s.onWellMastered).sum() / (double) answers,
                Arrays.stream(stats).mapToDouble(s -> s.gain).sum() / answers, Arrays.stream(stats).mapToDouble(s -> s.zpd).sum() / answers,
                Arrays.stream(stats).mapToLong(s -> s.correct).sum() / (double) answers,
                few.length == 0 ? Double.NaN : few[few.length / 2], tails.length == 0 ? Double.NaN : tails[tails.length / 2]);
        java.util.Map<String, int[]> reasons = new java.util.TreeMap<>();
        for (Stats s : stats) {
            s.reasons.forEach((k, v) -> {
                int[] r = reasons.computeIfAbsent(k, x -> new int[2]);
                r[0] += v[0];
                r[1] += v[1];
            });
        }
        StringBuilder c = new StringBuilder("    spearman(hidden, logit mastery + k * residual / 0.1875):");
        for (int j = 0; j < SIGNALS.length; j++) {
            int jj = j;
            c.append(String.format(Locale.ROOT, " %s %.3f;", SIGNALS[j], Arrays.stream(stats).filter(s -> s.corrN > 0).mapToDouble(s -> s.corr[jj] / s.corrN).average().orElse(Double.NaN)));
        }
        System.out.println(c);
        if (reasons.size() > 1) {
            StringBuilder line = new StringBuilder("    by reason:");
            reasons.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.3f (on mastered %.2f);", k, v[0] / (double) answers, v[1] / (double) v[0])));
            System.out.println(line);
        }
    }
}
