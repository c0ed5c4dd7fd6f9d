package dev.hone.analytics.seed;

import dev.hone.analytics.clickhouse.ClickHouseSettings;
import dev.hone.analytics.clickhouse.Migrations;
import dev.hone.analytics.clickhouse.SqlFile;
import dev.hone.analytics.loader.AnswerRows;
import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.events.AnswerRecorded;
import ru.yandex.clickhouse.ClickHouseDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code ./hone seed --answers N [--learners 10000] [--months 6] [--url http://127.0.0.1:18123] [--database hone]}:
 * realistic answers straight into ClickHouse through the loader's own insert path (streamed TSV).
 * Each learner has a hidden skill, each question a difficulty from the bank; the chance of a right
 * answer follows a logistic curve of the two, with learning over time. Learners get a cohort
 * (100 learners each) and a track. Seeded rows carry Kafka partition {@value #SEEDED_PARTITION},
 * which no topic has, so the loader's resume positions are untouched.
 */
public final class SeedCommand {

    static final int SEEDED_PARTITION = 1_000_000;
    private static final String[] TRACKS = {"general", "web", "data-ml", "senior"};

    public static void main(String[] args) throws Exception {
        long answers = Long.parseLong(arg(args, "--answers", "1000000"));
        int learners = Integer.parseInt(arg(args, "--learners", "10000"));
        int months = Integer.parseInt(arg(args, "--months", "6"));
        var settings = new ClickHouseSettings(arg(args, "--url", "http://127.0.0.1:18123"), arg(args, "--database", "hone"),
                "default", "", Duration.ofSeconds(30), Duration.ofMinutes(5));
        new Migrations(settings).apply();
        var dataSource = new ClickHouseDataSource(settings.jdbcUrl(settings.database()));
        List<Question> questions = List.copyOf(Catalog.bundled().questions());
        var random = new SplittableRandom(42);
        double[] skill = new double[learners];
        for (int l = 0; l < learners; l++) {
            skill[l] = random.nextDouble(-1.5, 1.5);
        }
        profiles(dataSource, learners);
        var rows = new AnswerRows(dataSource);
        Instant end = Instant.now();
        long span = Duration.ofDays(30L * months).toSeconds();
        long started = System.nanoTime();
        int batch = 200_000;
        var pending = new ArrayList<AnswerRows.Row>(batch);
        for (long i = 0; i < answers; i++) {
            int l = random.nextInt(learners);
            Question q = questions.get(random.nextInt(questions.size()));
            long ago = random.nextLong(span);
            double learned = 0.8 * (1 - (double) ago / span);
            double p = 1 / (1 + Math.exp(-(skill[l] + learned - (q.difficulty() - 3) * 0.7)));
            boolean correct = random.nextDouble() < p;
            List<String> chosen = chosen(q, correct, random);
            Instant at = end.minusSeconds(ago);
            var a = new AnswerRecorded(AnswerRecorded.SCHEMA, "seed-" + i, "learner-" + l, q.id(), q.topic(), List.of(), q.kind().id(),
                    q.difficulty(), chosen, null, correct, correct ? 1 : 0, at, 2000 + random.nextInt(60_000) + q.difficulty() * 5000L, at);
            pending.add(new AnswerRows.Row(a, SEEDED_PARTITION, i));
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

    private static List<String> chosen(Question q, boolean correct, SplittableRandom random) {
        if (!q.kind().hasOptions() || q.answer() == null) {
            return List.of();
        }
        if (correct) {
            return q.answer().keyedOptionIds();
        }
        var wrong = q.options().stream().map(o -> o.id()).filter(id -> !q.answer().keyedOptionIds().contains(id)).toList();
        return wrong.isEmpty() ? List.of() : List.of(wrong.get(Math.min(wrong.size() - 1, (int) Math.floor(Math.pow(random.nextDouble(), 2) * wrong.size()))));
    }

    private static void profiles(ClickHouseDataSource dataSource, int learners) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SqlFile.load("loader/insert_learners.sql") + " VALUES (?, ?, ?, ?, ?)")) {
            for (int l = 0; l < learners; l++) {
                ps.setString(1, "learner-" + l);
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
