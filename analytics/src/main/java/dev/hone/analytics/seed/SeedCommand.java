package dev.hone.analytics.seed;

import dev.hone.analytics.clickhouse.ClickHouseSettings;
import dev.hone.analytics.clickhouse.Migrations;
import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.analytics.loader.AnswerRows;
import ru.yandex.clickhouse.ClickHouseDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * {@code ./hone seed --answers N [--learners 10000] [--months 6] [--url http://127.0.0.1:18123] [--database hone]}:
 * realistic answers straight into ClickHouse through the loader's own insert path (streamed TSV).
 * Answers come from {@link AnswerGenerator}. Learners get a cohort
 * (100 learners each) and a track. Seeded rows carry Kafka partition {@value #SEEDED_PARTITION},
 * which no topic has, so the loader's resume positions are untouched.
 */
public final class SeedCommand {

    static final int SEEDED_PARTITION = 1_000_000;
    static final String[] TRACKS = {"general", "web", "data-ml", "senior"};

    public static void main(String[] args) throws Exception {
        long answers = Long.parseLong(arg(args, "--answers", "1000000"));
        int learners = Integer.parseInt(arg(args, "--learners", "10000"));
        int months = Integer.parseInt(arg(args, "--months", "6"));
        var settings = new ClickHouseSettings(arg(args, "--url", "http://127.0.0.1:18123"), arg(args, "--database", "hone"),
                "default", "", Duration.ofSeconds(30), Duration.ofMinutes(5));
        new Migrations(settings).apply();
        var dataSource = new ClickHouseDataSource(settings.jdbcUrl(settings.database()));
        profiles(dataSource, learners);
        var generator = new AnswerGenerator(learners, Duration.ofDays(30L * months), Instant.now(), "seed-", 42);
        var rows = new AnswerRows(dataSource);
        long started = System.nanoTime();
        int batch = 200_000;
        var pending = new ArrayList<AnswerRows.Row>(batch);
        for (long i = 0; i < answers; i++) {
            pending.add(new AnswerRows.Row(generator.next(), SEEDED_PARTITION, i));
            if (pending.size() == batch) {
                rows.insert(pending);
                pending.clear();
                System.err.printf("seeded %,d answers%n", i + 1);
            }
        }
        if (!pending.isEmpty()) {
            rows.insert(pending);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("seeded %,d answers of %,d learners over %d months in %.1f s (%,.0f rows/s)%n", answers, learners, months, seconds, answers / seconds);
    }

    private static void profiles(ClickHouseDataSource dataSource, int learners) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SqlFile.load("loader/insert_learners.sql") + " VALUES (?, ?, ?, ?, ?)")) {
            for (int l = 0; l < learners; l++) {
                ps.setString(1, AnswerGenerator.learnerId(l));
                ps.setString(2, "cohort-" + (l / 100));
                ps.setString(3, TRACKS[l % TRACKS.length]);
                ps.setString(4, "Learner " + l);
                ps.setLong(5, 0);
                ps.addBatch();
            }
            ps.executeBatch();
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
