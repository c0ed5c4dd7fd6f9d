package dev.hone.bench.rows;

import dev.hone.bench.peer.MinimalStreamsApp;
import dev.hone.bench.report.Goal;
import dev.hone.bench.report.Result;
import dev.hone.bench.report.Summary;
import dev.hone.bench.run.BenchContext;
import dev.hone.bench.run.KafkaTopics;
import dev.hone.bench.run.Processes;
import dev.hone.bench.run.Reset;
import dev.hone.bench.run.ServiceCpu;
import dev.hone.catalog.Catalog;
import dev.hone.events.KafkaClientProperties;
import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import dev.hone.recommender.learner.LearnerEngines;
import dev.hone.recommender.streams.RecommenderTopology;
import dev.hone.recommender.streams.StreamsRunner;
import dev.hone.recommender.streams.StreamsSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The recommender's topology (exactly-once v2, RocksDB state) and the minimal Streams app on the
 * same input topic, each from a fresh application id, alternating: answers/s from RUNNING until
 * the group committed the topic's end. Also ConsumerPerformance on the same topic (the broker's
 * read rate, for scale).
 */
public final class RecommenderBench implements BenchRow {

    private static final Logger log = LoggerFactory.getLogger(RecommenderBench.class);
    /** Answers per learner in the history row's input, on average. */
    static final int HISTORY_ANSWERS_PER_LEARNER = 30;
    /** Rounds of both apps before the measured runs. */
    static final int WARM_UP_ROUNDS = 2;

    private final String name;
    private final boolean history;

    private RecommenderBench(String name, boolean history) {
        this.name = name;
        this.history = history;
    }

    /**
     * The issue's row: answers spread over the scale's learners (100,000 at full size, ~3 answers each), short event
     * ids; its goal is the issue's.
     */
    public static RecommenderBench issueSized() {
        return new RecommenderBench("recommender", false);
    }

    /**
     * Learners with history, reported beside it: the same number of answers over a learner per
     * {@value #HISTORY_ANSWERS_PER_LEARNER} of them, with UUID event ids as ingest writes them, so each state carries
     * what a practising learner's does (topics, recent questions, placement log, resend window) and costs what one
     * does to read, update and write.
     */
    public static RecommenderBench withHistory() {
        return new RecommenderBench("recommender-history", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Result> run(BenchContext ctx) throws Exception {
        var engines = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", Catalog.bundled());
        List<Double> hone = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        List<Double> consumer = new ArrayList<>();
        List<Double> honeCpu = new ArrayList<>();
        List<Double> peerCpu = new ArrayList<>();
        List<Double> honeBroker = new ArrayList<>();
        List<Double> peerBroker = new ArrayList<>();
        long total;
        Reset.topics(ctx.kafka()); // the other recommender row's input, if it ran first, is not this one's
        try (var kafka = new KafkaTopics(ctx.kafka())) {
            new TopicProvisioner(6, (short) 1).ensure(kafka.admin(), Topics.ALL);
            kafka.admin().createTopics(List.of(new NewTopic(MinimalStreamsApp.OUTPUT, 6, (short) 1))).all().get();
            produce(ctx, learners(ctx));
            var end = kafka.endOffsets(Topics.ANSWERS_NAME);
            total = KafkaTopics.total(end);
            String run = Long.toString(System.currentTimeMillis() / 1000);
            // Warm-up, not counted: the JIT of the clients, Streams and RocksDB code both apps share, of Hone's
            // processor, and of the broker, a fresh JVM per bench. After one round the broker's C2 compiler still took
            // a third of the broker's CPU during the next runs (a profile in the thirteenth session), most in the
            // first app measured; a second round leaves the measured runs to the apps.
            for (int w = 0; w < WARM_UP_ROUNDS; w++) {
                rateOfHone(ctx, kafka, engines, "bench-warm-hone-" + run + "-" + w, end, total);
                rateOfPeer(ctx, kafka, "bench-warm-peer-" + run + "-" + w, end, total);
            }
            for (int i = 0; i < ctx.scale().repeats(); i++) {
                // each pair in turn starts with the other app, so what drifts across the bench (the broker's logs
                // growing, its compactions, the neighbours' load) falls on both alike
                boolean honeFirst = i % 2 == 0;
                String peerId = "bench-peer-" + run + "-" + i;
                Run p = honeFirst ? null : rateOfPeer(ctx, kafka, peerId, end, total);
                Run h = rateOfHone(ctx, kafka, engines, "bench-hone-" + run + "-" + i, end, total);
                if (honeFirst) {
                    p = rateOfPeer(ctx, kafka, peerId, end, total);
                }
                hone.add(h.perSecond());
                honeCpu.add(h.cpuMicrosPerRecord());
                honeBroker.add(h.brokerCpuMicrosPerRecord());
                peer.add(p.perSecond());
                peerCpu.add(p.cpuMicrosPerRecord());
                peerBroker.add(p.brokerCpuMicrosPerRecord());
                consumer.add(consumerPerformance(ctx, total, i));
                log.info("recommender run {}: Hone {} answers/s ({} µs CPU each, broker {}), minimal app {} ({} µs, broker {}), ConsumerPerformance {}",
                        i, h.perSecond(), h.cpuMicrosPerRecord(), h.brokerCpuMicrosPerRecord(), p.perSecond(), p.cpuMicrosPerRecord(),
                        p.brokerCpuMicrosPerRecord(), consumer.get(i));
            }
        }
        String input = String.format("%,d answers of up to %,d learners%s", total, learners(ctx),
                history ? ", UUID event ids" : "");
        return List.of(
                Result.of(name(), "answers/s through the topology, EOS v2 (" + input + ")", Summary.of(hone), Summary.of(peer),
                        history ? Goal.report() : Goal.ratioAtLeast(0.5),
                        "peer: minimal Streams app, EOS v2, one RocksDB read-modify-write and one output per record"),
                // The rates move with the machine's other load (the peer's by a third between runs); the CPU each app's
                // own threads spend per answer much less. Hone's figure over the peer's: the inverse of the rate ratio
                // an idle machine would give, when the stream thread is the limit.
                Result.of(name(), "CPU µs per answer in the app's threads (stream, producer, global; " + input + ")", Summary.of(honeCpu),
                        Summary.of(peerCpu), Goal.report(), "ThreadMXBean CPU time of the threads named after the application id, from RUNNING to caught up, over the answers"),
                // The broker shares the machine's two cores with the app: what each app's records cost it (changelogs,
                // outputs, transactions) is part of why the rate ratio is not the app-thread CPU ratio.
                Result.of(name(), "broker CPU µs per answer while the app runs (" + input + ")", Summary.of(honeBroker),
                        Summary.of(peerBroker), Goal.report(), "the broker process's CPU time from RUNNING to caught up, over the answers"),
                Result.of(name(), "ConsumerPerformance records/s on the same topic (fetch.nMsg.sec)", null, Summary.of(consumer), Goal.report(),
                        "the broker's plain read rate, for scale"));
    }

    private int learners(BenchContext ctx) {
        return history ? Math.max(1, ctx.scale().recommenderAnswers() / HISTORY_ANSWERS_PER_LEARNER) : ctx.scale().learners();
    }

    /** Answers spread over the learners, so the store ends with state for up to that many. */
    private void produce(BenchContext ctx, int learners) {
        var answers = new BenchAnswers(history ? "hist-" : "rec-", learners, 11, history);
        Instant now = Instant.now();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", ctx.kafka(), "linger.ms", 20, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ctx.scale().recommenderAnswers(); i++) {
                var a = answers.event(now);
                producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, a.learnerId(), answers.eventBytes(a)));
            }
        }
    }

    /** A run of Hone's topology under {@code applicationId}. */
    private static Run rateOfHone(BenchContext ctx, KafkaTopics kafka, LearnerEngines engines, String applicationId,
                                  Map<org.apache.kafka.common.TopicPartition, Long> end, long total) throws Exception {
        return rate(ctx, kafka, applicationId, hone(engines, kafka, applicationId), end, total);
    }

    /** A run of the minimal app under {@code applicationId}. */
    private static Run rateOfPeer(BenchContext ctx, KafkaTopics kafka, String applicationId,
                                  Map<org.apache.kafka.common.TopicPartition, Long> end, long total) throws Exception {
        return rate(ctx, kafka, applicationId, MinimalStreamsApp.build(Topics.ANSWERS_NAME), end, total);
    }

    /** Hone's topology under its own application id, with the item side's re-key topic made first (as StreamsRunner does). */
    private static Topology hone(LearnerEngines engines, KafkaTopics kafka, String applicationId) throws Exception {
        new TopicProvisioner(6, (short) 1).ensure(kafka.admin(), RecommenderTopology.ownTopics(applicationId));
        return RecommenderTopology.build(engines, applicationId);
    }

    /** One app's run: answers per second, and the CPU its threads spent per answer. */
    private record Run(double perSecond, double cpuMicrosPerRecord, double brokerCpuMicrosPerRecord) {
    }

    private static Run rate(BenchContext ctx, KafkaTopics kafka, String applicationId, Topology topology,
                               Map<org.apache.kafka.common.TopicPartition, Long> end, long total) throws Exception {
        var settings = new StreamsSettings(ctx.kafka(), applicationId, ctx.state().resolve("streams").toString(), "127.0.0.1", 0,
                Duration.ofMillis(100), 6, (short) 1, DataSize.ofMegabytes(100), Duration.ofSeconds(5), false, true, RecommenderTopology.DEFAULT_ITEM_FLUSH_INTERVAL,
                StreamsSettings.DEFAULT_PRODUCER_BATCH_SIZE,
                StreamsSettings.DEFAULT_LEARNER_MEMORY);
        Properties props = StreamsRunner.streamsConfig(settings, KafkaClientProperties.NONE, 1);
        props.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        var streams = new KafkaStreams(topology, props);
        try {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                check(streams, deadline, applicationId + " did not reach RUNNING");
                Thread.sleep(20);
            }
            long started = System.nanoTime();
            var threadsBefore = AppThreads.byThread(applicationId);
            var broker = ServiceCpu.of(ctx, "kafka");
            var brokerBefore = broker.used();
            deadline = started + Duration.ofMinutes(20).toNanos();
            while (!kafka.caughtUp(applicationId, end)) {
                check(streams, deadline, applicationId + " did not read the input in time");
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double brokerMicros = broker.used().minus(brokerBefore).toNanos() / 1e3;
            var threadsAfter = AppThreads.byThread(applicationId);
            long cpu = 0;
            for (var thread : threadsAfter.entrySet()) {
                long used = thread.getValue() - threadsBefore.getOrDefault(thread.getKey(), 0L);
                cpu += used;
                log.info("{}: thread {} used {} µs CPU per answer", applicationId, thread.getKey(), String.format("%.2f", used / 1e3 / total));
            }
            return new Run(total / seconds, cpu / 1e3 / total, brokerMicros / total);
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }

    private static void check(KafkaStreams streams, long deadline, String what) {
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException(what + ": Streams state " + streams.state());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what);
        }
    }

    private static double consumerPerformance(BenchContext ctx, long total, int run) throws Exception {
        String out = ctx.processes().run("consumer-perf-" + run, Processes.java(ctx.classpath(), List.of("-Xmx512m"),
                "org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server", ctx.kafka(), "--topic", Topics.ANSWERS_NAME,
                        "--messages", Long.toString(total), "--timeout", "60000", "--group", "bench-consumer-perf-" + run + "-" + System.nanoTime())), 300);
        // CSV: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec: fetch.nMsg.sec leaves out joining the group, as the Streams
        // figures leave out the time until RUNNING
        for (String line : out.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length >= 10 && f[0].matches("\\d{4}-.*")) {
                return Double.parseDouble(f[9]);
            }
        }
        throw new IllegalStateException("ConsumerPerformance: no result line; see " + ctx.state().resolve("logs/consumer-perf-" + run + ".log"));
    }
}
