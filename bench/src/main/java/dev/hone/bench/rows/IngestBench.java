package dev.hone.bench.rows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.Http;
import dev.hone.bench.run.KafkaTopics;
import dev.hone.bench.run.Processes;
import dev.hone.bench.run.ServiceCpu;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Accepted answers/s through POST /api/v1/answers/batch ({@value #CLIENTS} clients), with full batches
 * ({@value #FULL_BATCH} answers a request, the endpoint's default limit, as a bulk client such as a
 * learning record store's sync sends them) and with {@value #BATCH} a request, and ProducerPerformance
 * with ingest's producer settings (acks=all, idempotent, linger 2 ms) and the average size of the
 * events ingest writes, for as many records. The goal is read at full batches: what the endpoint can
 * take; the smaller batches show what each request's fixed cost (HTTP, security, MVC) takes off it.
 */
public final class IngestBench implements BenchRow {

    static final int BATCH = 100;
    /** ingest's default {@code hone.answers.max-batch}. */
    static final int FULL_BATCH = 500;
    static final int CLIENTS = 4;
    /** Distinct answers each client cycles through, in bodies of the batch size measured. */
    static final int ANSWERS_A_CLIENT = 20_000;
    static final String PERF_TOPIC = "bench.producer-perf";
    /** Learners the ingest row answers for; the queue row reads their queues afterwards. */
    static final int LEARNERS = 2_000;

    private final Http http = new Http();
    private final ObjectMapper json = new ObjectMapper();
    /** Each client's request bodies by batch size, made once: every run of a size sends the same answers (new ids each time). */
    private final Map<Integer, List<List<byte[]>>> bodiesBySize = new HashMap<>();

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        try (var kafka = new KafkaTopics(ctx.kafka())) {
            if (!kafka.admin().listTopics().names().get().contains(PERF_TOPIC)) {
                kafka.admin().createTopics(List.of(new NewTopic(PERF_TOPIC, 6, (short) 1))).all().get();
            }
        }
        int recordSize = recordSize();
        // warm-up (Scale.warmupSeconds): JIT (with 2 s the runs rose 23k -> 49k -> 71k/s, with 20 s 28k -> 49k -> 62k/s),
        // connections, producer metadata
        Series full = new Series(FULL_BATCH);
        Series small = new Series(BATCH);
        post(ctx, Math.max(ctx.scale().ingestSeconds(), ctx.scale().warmupSeconds()) / 2, small.batch);
        post(ctx, Math.max(ctx.scale().ingestSeconds(), ctx.scale().warmupSeconds()) / 2, full.batch);
        List<Double> peer = new ArrayList<>();
        ServiceCpu ingest = ServiceCpu.of(ctx, "ingest");
        for (int i = 0; i < ctx.scale().repeats(); i++) {
            // the two sizes take turns at going first, so neither always runs on the warmer service
            double mostAccepted = 0;
            for (Series series : i % 2 == 0 ? List.of(full, small) : List.of(small, full)) {
                Duration cpuBefore = ingest.used();
                double[] run = post(ctx, ctx.scale().ingestSeconds(), series.batch);
                series.rates.add(run[0] / run[1]);
                series.cpu.add(ingest.used().minus(cpuBefore).toNanos() / 1e6 / run[0] * 1000);
                mostAccepted = Math.max(mostAccepted, run[0]);
            }
            // as many records as the larger of the two runs accepted (since the 500 row, about twice as many as when the row
            // posted 100 a request only: the peer's start-up weighs less), at least 50k: fewer would time mostly its start-up
            long records = Math.max(50_000, (long) mostAccepted);
            String out = ctx.processes().run("producer-perf-" + i, Processes.java(ctx.classpath(), List.of("-Xmx512m"),
                    "org.apache.kafka.tools.ProducerPerformance", List.of("--topic", PERF_TOPIC, "--num-records", Long.toString(records),
                            "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                            "bootstrap.servers=" + ctx.kafka(), "acks=all", "enable.idempotence=true", "linger.ms=2")), 600);
            peer.add(Processes.lastNumber(out, "records sent, ([\\d.]+) records/sec", "ProducerPerformance"));
        }
        String peerNote = "peer: ProducerPerformance, acks=all, idempotent, linger.ms=2, same record size";
        return List.of(Result.of(name(), "accepted answers/s, batch endpoint (" + FULL_BATCH + " a request, the default limit; " + CLIENTS
                        + " clients; " + recordSize + "-byte events)", Summary.of(full.rates), Summary.of(peer), Goal.ratioAtLeast(0.5), peerNote),
                Result.of(name(), "accepted answers/s, batch endpoint (" + BATCH + " a request, " + CLIENTS + " clients; "
                        + recordSize + "-byte events)", Summary.of(small.rates), Summary.of(peer), Goal.report(), peerNote),
                // the ratio moves with the neighbours' load; the CPU ingest spends per answer much less
                full.cpuResult(name()),
                small.cpuResult(name()));
    }

    /** One batch size's runs: accepted answers/s and ingest's CPU per 1,000 answers. */
    private static final class Series {
        final int batch;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();

        Series(int batch) {
            this.batch = batch;
        }

        Result cpuResult(String row) {
            return Result.of(row, "ingest CPU ms per 1,000 accepted answers, batch endpoint, " + batch + " a request (user + system, /proc)",
                    Summary.of(cpu), null, Goal.report(), "the ingest process's CPU time over each run, divided by the answers it accepted");
        }
    }

    /** Posts batches of {@code batch} answers from {@value #CLIENTS} clients for {@code seconds}: {accepted answers, elapsed seconds}. */
    private double[] post(BenchContext ctx, int seconds, int batch) throws Exception {
        List<List<byte[]>> bodiesOfClients = bodiesBySize.computeIfAbsent(batch, IngestBench::bodiesOfClients);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long started = System.nanoTime();
            long until = started + seconds * 1_000_000_000L;
            List<Future<Long>> clients = new ArrayList<>();
            for (List<byte[]> bodies : bodiesOfClients) {
                clients.add(pool.submit(() -> {
                    long accepted = 0;
                    for (int sent = 0; System.nanoTime() < until; sent++) {
                        Http.Reply reply = http.postJson(ctx.ingestUrl() + "/api/v1/answers/batch", bodies.get(sent % bodies.size()));
                        if (reply.status() != 200) {
                            throw new IllegalStateException("POST /api/v1/answers/batch answered " + reply.status() + ": " + reply.body());
                        }
                        accepted += accepted(reply.body());
                    }
                    return accepted;
                }));
            }
            long accepted = 0;
            for (Future<Long> f : clients) {
                accepted += f.get();
            }
            return new double[] {accepted, (System.nanoTime() - started) / 1e9};
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A client's request bodies, made before the clock starts and sent in turn (as ProducerPerformance sends
     * payloads it made beforehand): the load generator shares these two cores with ingest, and building 100
     * answers a request took CPU from the service measured. Without event ids, so every answer is a new one.
     */
    private static List<List<byte[]>> bodiesOfClients(int batch) {
        List<List<byte[]>> bodies = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            bodies.add(bodies(100 + c, batch));
        }
        return bodies;
    }

    private static List<byte[]> bodies(long seed, int batch) {
        var answers = new BenchAnswers("ingest-", LEARNERS, seed);
        List<byte[]> bodies = new ArrayList<>(ANSWERS_A_CLIENT / batch);
        for (int i = 0; i < ANSWERS_A_CLIENT / batch; i++) {
            bodies.add(answers.batch(batch).getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /**
     * The response's leading {@code accepted} count, read without building the rest of the results (the
     * reply's shape is the contract's, checked by ingest's tests; here only the count matters).
     */
    private long accepted(String body) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("accepted")) {
                        return parser.getLongValue();
                    }
                    parser.skipChildren();
                }
            }
        }
        throw new IllegalStateException("POST /api/v1/answers/batch answered without \"accepted\": " + body);
    }

    /** The average size of the events the batch endpoint writes for these answers. */
    private static int recordSize() {
        var answers = new BenchAnswers("ingest-", LEARNERS, 1);
        Instant now = Instant.now();
        long bytes = 0;
        for (int i = 0; i < 1000; i++) {
            bytes += answers.eventBytes(answers.event(now)).length;
        }
        return (int) (bytes / 1000);
    }
}
