package dev.hone.bench.jmh;

import dev.hone.bench.run.EventIds;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerState;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the recommender's processor does per answer besides I/O: the learner engine's update of
 * a stored state (decode the model state, update, encode, tally, resend window).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelUpdateBenchmark {

    @Param({"3", "30", "256"})
    int history;

    private LearnerEngine engine;
    private LearnerState state;
    private Question question;
    private long now;
    private int next;
    private final String[] ids = new String[1024];

    @Setup
    public void setUp() {
        engine = Learners.engines().create();
        now = Instant.now().getEpochSecond();
        state = Learners.withHistory(engine, history, now - 60);
        question = List.copyOf(Learners.CATALOG.questions()).get(17);
        var random = new SplittableRandom(7);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = EventIds.uuid(random); // as ingest writes them, made before the clock
        }
    }

    @Benchmark
    public LearnerState applyOneAnswer() {
        return engine.apply(state, ids[next++ & (ids.length - 1)], question.id(), question.skills(), question.difficulty(), 1, true, now);
    }
}
