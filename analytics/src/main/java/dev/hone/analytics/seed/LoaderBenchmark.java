package dev.hone.analytics.seed;

import dev.hone.analytics.AnalyticsApplication;
import dev.hone.analytics.clickhouse.ClickHouseSettings;
import dev.hone.analytics.clickhouse.Migrations;
import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.TopicProvisioner;
import dev.hone.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import ru.yandex.clickhouse.ClickHouseDataSource;

import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The loader's benchmark, side by side in one run (not a test):
 * <ol>
 *   <li>produces N generated answers to hone.answers.v1 and lets a fresh loader (own group,
 *       own database) load everything on the topic: rows/s from its first to its last insert;</li>
 *   <li>bulk-inserts exactly the rows it stored with {@code clickhouse-client} (TabSeparated)
 *       into a second database with the same schema (views included): rows/s;</li>
 *   <li>freshness: answers produced at a steady rate, each timed until it is visible in
 *       ClickHouse (and so in the views the dashboards read): p50/p95/max.</li>
 * </ol>
 * {@code --answers 1000000 --kafka 127.0.0.1:19092 --url http://127.0.0.1:18123 --client-port 19000
 * --fresh-seconds 20 --fresh-rate 200 --repeats 1} ({@code --repeats N}: steps 1 and 2 N times in one JVM, each with
 * its own group and databases, then step 3 once; {@code --fresh-seconds 0} skips step 3).
 */
public final class LoaderBenchmark {

    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(arg(args, "--repeats", "1"));
        for (int i = 0; i < repeats; i++) {
            // the freshness probe once, after the last load: it measures latency, not the rates repeated here
            measure(args, Long.toString(System.currentTimeMillis() / 1000) + "_" + i, i == repeats - 1);
        }
    }

    private static void measure(String[] args, String run, boolean last) throws Exception {
        long n = Long.parseLong(arg(args, "--answers", "1000000"));
        String kafka = arg(args, "--kafka", "127.0.0.1:19092");
        String url = arg(args, "--url", "http://127.0.0.1:18123");
        String clientPort = arg(args, "--client-port", "19000");
        int freshSeconds = Integer.parseInt(arg(args, "--fresh-seconds", "20"));
        int freshRate = Integer.parseInt(arg(args, "--fresh-rate", "200"));
        String loaderDb = "bench_loader_" + run;
        String clientDb = "bench_client_" + run;
        for (String db : List.of(loaderDb, clientDb)) {
            new Migrations(new ClickHouseSettings(url, db, "default", "", Duration.ofSeconds(30), Duration.ofMinutes(5))).apply();
        }
        String group = "bench-" + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            new TopicProvisioner(6, (short) 1).ensure(admin, Topics.ALL);
            // the loader's group starts at the topics' current end: it loads exactly the N answers produced now
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            endOffsets(admin).forEach((tp, offset) -> start.put(tp, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }

        long producedAt = System.nanoTime();
        var generator = new AnswerGenerator(10_000, Duration.ofDays(180), Instant.now(), "bench-" + run + "-", 7);
        try (var producer = producer(kafka)) {
            for (long i = 0; i < n; i++) {
                AnswerRecorded a = generator.next();
                producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, a.learnerId(), Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, a)));
            }
        }
        System.out.printf("produced %,d answers in %.1f s%n", n, (System.nanoTime() - producedAt) / 1e9);

        var clickHouse = new ClickHouseDataSource(new ClickHouseSettings(url, loaderDb, "default", "", Duration.ofSeconds(30), Duration.ofMinutes(5)).jdbcUrl(loaderDb));
        var app = SpringApplication.run(AnalyticsApplication.class, "--server.port=0", "--hone.clickhouse.url=" + url,
                "--hone.clickhouse.database=" + loaderDb, "--hone.loader.bootstrap-servers=" + kafka, "--hone.loader.group-id=" + group,
                "--hone.loader.batch-size=" + arg(args, "--batch-size", "100000"), "--hone.dashboards.discrimination-first-refresh=1h",
                "--logging.level.org.apache.kafka=WARN");
        long firstCount = 0;
        long firstAt = 0;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            Map<TopicPartition, Long> end = endOffsets(admin);
            while (true) {
                // ClickHouse is asked only until the first insert lands: counting every 50 ms during the
                // measured window cost ClickHouse CPU the loader competes for (the client's run has no such poll)
                if (firstAt == 0) {
                    long count = count(clickHouse);
                    if (count > 0) {
                        firstAt = System.nanoTime();
                        firstCount = count;
                    }
                }
                if (caughtUp(admin, group, end)) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        long loadedAt = System.nanoTime();
        long rows = count(clickHouse);
        double loaderRate = (rows - firstCount) / ((loadedAt - firstAt) / 1e9);
        System.out.printf("loader: %,d rows; %,d rows after its first insert in %.2f s: %,.0f rows/s%n",
                rows, rows - firstCount, (loadedAt - firstAt) / 1e9, loaderRate);

        File tsv = File.createTempFile("hone-bench", ".tsv");
        try {
            run(List.of("clickhouse-client", "--port", clientPort, "-q", "SELECT * FROM " + loaderDb + ".answers FORMAT TabSeparated"), null, tsv);
            long started = System.nanoTime();
            run(List.of("clickhouse-client", "--port", clientPort, "-q", "INSERT INTO " + clientDb + ".answers FORMAT TabSeparated"), tsv, null);
            double clientRate = rows / ((System.nanoTime() - started) / 1e9);
            System.out.printf("clickhouse-client: %,d rows in %.2f s: %,.0f rows/s; loader/client = %.2f%n",
                    rows, (System.nanoTime() - started) / 1e9, clientRate, loaderRate / clientRate);
        } finally {
            Files.deleteIfExists(tsv.toPath());
        }

        if (last && freshSeconds > 0) {
            freshness(kafka, clickHouse, run, freshSeconds, freshRate);
        }
        app.close();
    }

    /** Sends {@code rate} answers a second and times each until ClickHouse returns it. */
    private static void freshness(String kafka, ClickHouseDataSource clickHouse, String run, int seconds, int rate) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        String prefix = "fresh-" + run + "-";
        var generator = new AnswerGenerator(1, Duration.ofSeconds(1), Instant.now(), "fresh-", 3);
        Thread poller = new Thread(() -> {
            try (Connection c = clickHouse.getConnection(); PreparedStatement st = c.prepareStatement(SqlFile.load("bench/fresh_answers.sql"))) {
                st.setString(1, prefix + "%");
                while (!Thread.currentThread().isInterrupted()) {
                    try (ResultSet rs = st.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            seen.putIfAbsent(rs.getString(1), now);
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        poller.start();
        try (var producer = producer(kafka)) {
            long start = System.nanoTime();
            for (int i = 0; i < seconds * rate; i++) {
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                AnswerRecorded g = generator.next();
                String id = prefix + "e" + i;
                var a = new AnswerRecorded(g.schema(), id, prefix + (i % 50), g.questionId(), g.topicId(), g.skills(), g.kind(), g.difficulty(),
                        g.chosenOptions(), null, g.correct(), g.score(), Instant.now(), g.responseMs(), Instant.now());
                sent.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.ANSWERS_NAME, a.learnerId(), Topics.ANSWERS.valueSerde().serializer().serialize(Topics.ANSWERS_NAME, a)));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.size() < sent.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        poller.interrupt();
        List<Double> lags = new ArrayList<>();
        sent.forEach((id, at) -> lags.add(seen.containsKey(id) ? (seen.get(id) - at) / 1e9 : Double.POSITIVE_INFINITY));
        Collections.sort(lags);
        System.out.printf("freshness at %d answers/s for %d s: p50 %.2f s, p95 %.2f s, max %.2f s (%d of %d seen)%n", rate, seconds,
                lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.95)), lags.get(lags.size() - 1), seen.size(), sent.size());
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        var partitions = admin.describeTopics(List.of(Topics.ANSWERS_NAME, Topics.MASTERY_NAME)).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static long count(ClickHouseDataSource clickHouse) throws Exception {
        try (Connection c = clickHouse.getConnection(); PreparedStatement st = c.prepareStatement(SqlFile.load("bench/count_answers.sql"));
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void run(List<String> command, File in, File out) throws Exception {
        var pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (in != null) {
            pb.redirectInput(in);
        }
        if (out != null) {
            pb.redirectOutput(out);
        }
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException(command + " exited with " + rc);
        }
    }

    private static String arg(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
