package dev.hone.bench.rows;

import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.recommender.learner.LearnerEngine;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.learner.LearnerState;
import dev.hone.recommender.learner.LearnerStateCodec;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Memory per learner and storage per answer: the heap the recommender's learner states take when
 * held decoded (each learner after {@link #ANSWERS_PER_LEARNER} answers through the production
 * engine), their stored size (the record in RocksDB and its changelog, {@link LearnerStateCodec}) with
 * the bench's short event ids and with ingest's UUIDs, and ClickHouse's bytes on disk per answer.
 */
public final class MemoryBench implements BenchRow {

    static final int ANSWERS_PER_LEARNER = 30;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        var engines = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", Catalog.bundled());
        List<Double> heap = new ArrayList<>();
        double stored = 0;
        double storedWithUuids = 0;
        for (int i = 0; i < ctx.scale().repeats(); i++) {
            long before = usedHeap();
            List<LearnerState> states = learners(engines.create(), ctx.scale().memoryLearners(), i);
            long after = usedHeap();
            heap.add((after - before) / (double) states.size());
            stored = states.stream().limit(1000).mapToInt(s -> LearnerStateCodec.encode(s).length).average().orElse(0);
            storedWithUuids = states.stream().limit(1000).map(MemoryBench::withUuidEventIds)
                    .mapToInt(s -> LearnerStateCodec.encode(s).length).average().orElse(0);
        }
        var clickHouse = new ClickHouse(ctx, new Http());
        long answers = clickHouse.ensureSeeded(ctx.scale().dashboardAnswers());
        double answersTable = Double.parseDouble(clickHouse.query("SELECT sum(bytes_on_disk) / sum(rows) FROM system.parts WHERE active AND database = '"
                + ClickHouse.DATABASE + "' AND table = 'answers'"));
        double database = Double.parseDouble(clickHouse.query("SELECT sum(bytes_on_disk) FROM system.parts WHERE active AND database = '"
                + ClickHouse.DATABASE + "'")) / answers;
        String learners = String.format("%,d learners x %d answers", ctx.scale().memoryLearners(), ANSWERS_PER_LEARNER);
        String seeded = String.format("%,d seeded answers", answers);
        return List.of(
                Result.of(name(), "heap bytes per learner, states held decoded (" + learners + ")", Summary.of(heap), null,
                        Goal.below(2048, "< 2 KiB"), "used heap after full GC, before and after building the states"),
                Result.of(name(), "stored bytes per learner (learner-state record in RocksDB)", Summary.of(List.of(stored)), null,
                        Goal.below(2048, "< 2 KiB"), "average of 1,000 serialised states, the bench's short event ids (e12-3)"),
                Result.of(name(), "stored bytes per learner, ingest's UUID event ids", Summary.of(List.of(storedWithUuids)), null,
                        Goal.report(), "the same 1,000 states with each event id a random UUID, as ingest writes them"),
                Result.of(name(), "ClickHouse bytes per answer, answers table (" + seeded + ")", Summary.of(List.of(answersTable)), null,
                        Goal.report(), "system.parts bytes_on_disk / rows"),
                Result.of(name(), "ClickHouse bytes per answer, whole database with aggregates", Summary.of(List.of(database)), null,
                        Goal.report(), "every table of the database / answers"));
    }

    private static List<LearnerState> learners(LearnerEngine engine, int n, int seed) {
        var answers = new BenchAnswers("mem-", n, seed);
        long now = Instant.now().getEpochSecond();
        List<LearnerState> states = new ArrayList<>(n);
        for (int l = 0; l < n; l++) {
            LearnerState s = LearnerState.empty();
            for (int k = 0; k < ANSWERS_PER_LEARNER; k++) {
                Question q = answers.question();
                boolean correct = (l + k) % 3 != 0;
                s = engine.apply(s, "e" + l + "-" + k, q.id(), q.skills(), q.difficulty(), correct ? 1 : 0, correct, now - 3600L * (ANSWERS_PER_LEARNER - k));
            }
            states.add(s);
        }
        return states;
    }

    /** The same learner had their answers come through ingest, whose event ids are UUIDs. */
    private static LearnerState withUuidEventIds(LearnerState s) {
        List<String> ids = s.recentEventIds().stream().map(id -> UUID.nameUUIDFromBytes(id.getBytes()).toString()).toList();
        return new LearnerState(s.model(), s.topics(), s.recentQuestions(), ids, s.track(), s.cohort(), s.placement());
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
