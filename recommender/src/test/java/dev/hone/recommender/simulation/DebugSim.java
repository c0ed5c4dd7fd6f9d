package dev.hone.recommender.simulation;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.*;
import dev.hone.recommender.policy.*;
import java.util.*;

public class DebugSim {
    public static void main(String[] a) {
        Catalog catalog = Catalog.bundled();
        LearnerEngines engines = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", catalog);
        LearnerEngine engine = engines.create();
        QueuePolicy hone = new QueuePolicy(catalog, PolicySettings.defaults());
        Profile profile = Profile.shipped(a.length > 0 ? a[0] : "baseline");
        World world = new World(catalog, profile, 42);
        SplittableRandom traits = new SplittableRandom(7);
        SimulatedLearner learner = new SimulatedLearner(world, "general", traits);
        SplittableRandom answers = new SplittableRandom(8);
        LearnerState state = LearnerState.empty();
        long t = Simulation.START;
        Map<String,Integer> served = new TreeMap<>();
        Map<String,Integer> reasons = new TreeMap<>();
        int right = 0;
        for (int n = 0; n < 1500; n++) {
            if (n % 10 == 0) {
                List<QueueItem> q = hone.next(engine.view(state, t), 10);
                for (QueueItem it : q) {
                    reasons.merge(it.reasonCode(), 1, Integer::sum);
                }
                if (n % 100 == 0) System.out.println(n + " " + q.get(0).reason() + " p=" + q.get(0).predictedSuccess());
                for (QueueItem it : q) {
                    Question qq = catalog.question(it.questionId()).orElseThrow();
                    boolean c = learner.answer(qq, t, answers);
                    right += c ? 1 : 0;
                    learner.learn(qq, c, t);
                    state = engine.apply(state, "e" + n, qq.id(), qq.skills(), qq.difficulty(), c ? 1 : 0, c, t);
                    served.merge(qq.topic(), 1, Integer::sum);
                    t += 60;
                }
                if ((n + 10) % 20 == 0) t += 86400;
            }
            if (n % 500 == 499) {
                var view = engine.view(state, t);
                for (var topic : catalog.topics()) {
                    int k = world.topicIndex.get(topic.id());
                    System.out.printf("  %-36s hidden %.2f model %.2f sd %.2f served %d%n", topic.id(), SimulatedLearner.sigmoid(learner.skill(k, t)), view.mastery(topic.id()), view.masteryDetail(topic.id()).sd(), served.getOrDefault(topic.id(), 0));
                }
                System.out.println("success " + right / (double) (n + 1) + " reasons " + reasons);
            }
        }
    }
}
