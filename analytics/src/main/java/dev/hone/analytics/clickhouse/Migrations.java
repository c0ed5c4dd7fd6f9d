package dev.hone.analytics.clickhouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned SQL files {@code db/migration/V<n>__<name>.sql} in order, each once,
 * recording them in {@code schema_migrations}. Statements are separated by a ';' at the end of
 * a line; {@code ${database}} stands for the configured database. Every file must be valid on
 * ClickHouse 18.16 and on current ClickHouse.
 *
 * <p>With {@code hone.clickhouse.cluster} set, the files come from {@code db/migration-cluster}
 * instead ({@code ${cluster}} stands for the cluster): the same tables, replicated and
 * distributed. {@code schema_migrations} stays a table of the server this instance talks to; the
 * DDL is idempotent (IF NOT EXISTS), so instances behind different servers may each apply it.
 */
@Component
public class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final Pattern ADD_COLUMN = Pattern.compile("^ALTER TABLE \\S+( ON CLUSTER \\S+)? ADD COLUMN ");
    static final String SINGLE_SERVER = "db/migration";
    static final String CLUSTER = "db/migration-cluster";

    private final ClickHouseSettings settings;

    public Migrations(ClickHouseSettings settings) {
        this.settings = settings;
    }

    record Migration(int version, String name, String sql) {
    }

    /** Waits for ClickHouse up to the start-up timeout, then applies what is missing. Returns the versions applied now. */
    public List<Integer> apply() {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        while (true) {
            try {
                return applyOnce();
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("ClickHouse at " + settings.url() + " did not accept the schema within "
                            + settings.startupTimeout().toSeconds() + " s: " + e.getMessage(), e);
                }
                log.warn("ClickHouse not ready ({}); retrying", e.getMessage());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private List<Integer> applyOnce() throws SQLException {
        try (Connection bootstrap = DriverManager.getConnection(settings.jdbcUrl("default"), settings.user(), settings.password());
             Statement st = bootstrap.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + settings.database()
                    + (settings.onCluster() ? " ON CLUSTER " + settings.cluster() : ""));
            st.execute("CREATE TABLE IF NOT EXISTS " + settings.database() + ".schema_migrations "
                    + "(version UInt32, name String, applied_at DateTime) ENGINE = TinyLog");
            Set<Integer> applied = new HashSet<>();
            try (var rs = st.executeQuery("SELECT version FROM " + settings.database() + ".schema_migrations")) {
                while (rs.next()) {
                    applied.add(rs.getInt(1));
                }
            }
            List<Integer> now = new java.util.ArrayList<>();
            for (Migration migration : load(settings.onCluster() ? CLUSTER : SINGLE_SERVER)) {
                if (applied.contains(migration.version())) {
                    continue;
                }
                try (Connection db = DriverManager.getConnection(settings.jdbcUrl(settings.database()), settings.user(), settings.password());
                     Statement dbSt = db.createStatement()) {
                    String sqlText = migration.sql().replace("${database}", settings.database()).replace("${cluster}", settings.cluster());
                    for (String sql : statements(sqlText)) {
                        execute(dbSt, sql);
                    }
                    dbSt.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ("
                            + migration.version() + ", '" + migration.name() + "', now())");
                }
                log.info("applied migration V{} {}", migration.version(), migration.name());
                now.add(migration.version());
            }
            return now;
        }
    }

    /**
     * ClickHouse 18.16 has no {@code ADD COLUMN IF NOT EXISTS}: a column that already exists (a
     * migration interrupted after its ALTER, or, on a cluster, applied by an instance behind
     * another server) counts as added, so every migration can run again.
     */
    private static void execute(Statement st, String sql) throws SQLException {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            if (!(isAddColumn(sql) && String.valueOf(e.getMessage()).contains("column with this name already exists"))) {
                throw e;
            }
            log.info("column already there, nothing to add: {}", sql);
        }
    }

    static boolean isAddColumn(String sql) {
        return ADD_COLUMN.matcher(sql).find();
    }

    static List<Migration> load() {
        return load(SINGLE_SERVER);
    }

    static List<Migration> load(String folder) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/V*.sql");
            return Arrays.stream(files).map(Migrations::read)
                    .sorted(Comparator.comparingInt(Migration::version)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list migrations", e);
        }
    }

    private static Migration read(Resource file) {
        Matcher m = FILE.matcher(file.getFilename() == null ? "" : file.getFilename());
        if (!m.matches()) {
            throw new IllegalStateException("migration file name must be V<n>__<name>.sql: " + file.getFilename());
        }
        try {
            return new Migration(Integer.parseInt(m.group(1)), m.group(2), file.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.getFilename(), e);
        }
    }

    static List<String> statements(String sql) {
        String withoutComments = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
        }
    }
}
