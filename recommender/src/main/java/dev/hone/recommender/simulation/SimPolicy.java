package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.Topic;
import dev.hone.recommender.learner.LearnerView;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A policy as the simulator drives it: one instance per simulated learner (baselines may keep
 * a little state, such as round-robin's position), asked for the next {@code n} questions. Every
 * policy sees the learner only through the production model's {@link LearnerView}.
 */
interface SimPolicy {

    List<Question> next(LearnerView learner, int n);

    List<String> NAMES = List.of("hone", "random", "round-robin", "lowest-mastery-first");

    /** A policy by name for one learner; {@code seed} drives the baselines' random choices. */
    static SimPolicy create(String name, Catalog catalog, QueuePolicy hone, World world, String track, long seed) {
        List<Topic> topics = java.util.Arrays.stream(world.trackTopics(track)).mapToObj(world.topics::get).toList();
        SplittableRandom random = new SplittableRandom(seed);
        return switch (name) {
            case "hone" -> (learner, n) -> hone.next(learner, n).stream()
                    .map(QueueItem::questionId).map(id -> catalog.question(id).orElseThrow()).toList();
            case "random" -> (learner, n) -> Baselines.randomQuestions(catalog, topics, learner, n, random);
            case "round-robin" -> new Baselines.RoundRobin(catalog, topics, random);
            case "lowest-mastery-first" -> (learner, n) -> Baselines.lowestMasteryFirst(catalog, topics, learner, n, random);
            default -> throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + String.join(", ", NAMES) + ", all)");
        };
    }

    /** The baselines: they pick topics without the policy's model of learning, and questions at random within a topic. */
    final class Baselines {

        private Baselines() {
        }

        static List<Question> randomQuestions(Catalog catalog, List<Topic> topics, LearnerView learner, int n, SplittableRandom random) {
            List<Question> pool = new ArrayList<>();
            topics.forEach(t -> pool.addAll(catalog.questionsOf(t.id())));
            Set<String> excluded = new HashSet<>(learner.state().recentQuestions());
            List<Question> out = new ArrayList<>(n);
            for (int tries = 0; out.size() < n && tries < 50 * n; tries++) {
                Question q = pool.get(random.nextInt(pool.size()));
                if (excluded.add(q.id())) {
                    out.add(q);
                }
            }
            return out;
        }

        static List<Question> lowestMasteryFirst(Catalog catalog, List<Topic> topics, LearnerView learner, int n, SplittableRandom random) {
            List<Topic> ranked = topics.stream().sorted(Comparator.comparingDouble((Topic t) -> learner.mastery(t.id()))).toList();
            Set<String> excluded = new HashSet<>(learner.state().recentQuestions());
            List<Question> out = new ArrayList<>(n);
            for (int i = 0; out.size() < n && i < 4 * n; i++) {
                Question q = randomIn(catalog, ranked.get(i % ranked.size()), excluded, random);
                if (q != null) {
                    out.add(q);
                }
            }
            return out;
        }

        static Question randomIn(Catalog catalog, Topic topic, Set<String> excluded, SplittableRandom random) {
            List<Question> open = catalog.questionsOf(topic.id()).stream().filter(q -> !excluded.contains(q.id())).toList();
            if (open.isEmpty()) {
                return null;
            }
            Question q = open.get(random.nextInt(open.size()));
            excluded.add(q.id());
            return q;
        }

        /** One question per topic of the track, in catalog order, from a random starting topic. */
        static final class RoundRobin implements SimPolicy {
            private final Catalog catalog;
            private final List<Topic> topics;
            private final SplittableRandom random;
            private int position;

            RoundRobin(Catalog catalog, List<Topic> topics, SplittableRandom random) {
                this.catalog = catalog;
                this.topics = topics;
                this.random = random;
                this.position = random.nextInt(topics.size());
            }

            @Override
            public List<Question> next(LearnerView learner, int n) {
                Set<String> excluded = new HashSet<>(learner.state().recentQuestions());
                List<Question> out = new ArrayList<>(n);
                for (int i = 0; out.size() < n && i < 4 * n; i++) {
                    Question q = randomIn(catalog, topics.get(position), excluded, random);
                    position = (position + 1) % topics.size();
                    if (q != null) {
                        out.add(q);
                    }
                }
                return out;
            }
        }
    }
}
