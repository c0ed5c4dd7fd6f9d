package dev.hone.bench.jmh;

import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.policy.QueueItem;
import dev.hone.recommender.policy.QueuePolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What GET /queue computes: the learner's view (model state decoded) and the policy's next 10 questions. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyBenchmark {

    @Param({"30"})
    int history;

    private LearnerEngine engine;
    private QueuePolicy policy;
    private LearnerState state;
    private long now;

    @Setup
    public void setUp() {
        engine = Learners.engines().create();
        policy = new QueuePolicy(Learners.CATALOG);
        now = Instant.now().getEpochSecond();
        state = Learners.withHistory(engine, history, now - 60);
    }

    @Benchmark
    public List<QueueItem> nextTenQuestions() {
        return policy.next(engine.view(state, now), 10);
    }
}
