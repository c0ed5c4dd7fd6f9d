package dev.hone.analytics.clickhouse;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster schema cannot run here (ClickHouse 18.16 without ZooKeeper), so this checks it
 * against the single-server schema, which the integration tests do run: table for table the same
 * columns, partitioning and order, the replicated twin of each engine, a Distributed table under
 * the name the dashboards query, and each view reading the local table instead.
 */
class MigrationsClusterTests {

    private static final Pattern TABLE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS \\$\\{database}\\.(\\w+) \\((.*)\\) ENGINE = (\\w+)\\((.*?)\\)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern LOCAL_TABLE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS \\$\\{database}\\.(\\w+)_local ON CLUSTER \\$\\{cluster} \\((.*)\\) "
                    + "ENGINE = Replicated(\\w+)\\('/clickhouse/tables/\\{shard}/\\$\\{database}/(\\w+)', '\\{replica}'(?:, )?(.*?)\\)\\s*(.*)",
            Pattern.DOTALL);
    private static final Pattern DISTRIBUTED = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS \\$\\{database}\\.(\\w+) ON CLUSTER \\$\\{cluster} AS \\$\\{database}\\.(\\w+)\\s+"
                    + "ENGINE = Distributed\\(\\$\\{cluster}, \\$\\{database}, (\\w+), (cityHash64\\(\\w+\\)|kafka_partition)\\)");
    private static final Pattern VIEW = Pattern.compile(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS \\$\\{database}\\.(\\w+)( ON CLUSTER \\$\\{cluster})? TO \\$\\{database}\\.(\\w+) AS\\s+(.*)",
            Pattern.DOTALL);

    private final List<Migrations.Migration> single = Migrations.load(Migrations.SINGLE_SERVER);
    private final List<Migrations.Migration> cluster = Migrations.load(Migrations.CLUSTER);

    @Test
    void everySingleServerMigrationHasAClusterTwinOfTheSameVersionAndName() {
        assertThat(cluster).extracting(m -> "V" + m.version() + "__" + m.name())
                .as("db/migration-cluster must mirror db/migration file for file")
                .containsExactlyElementsOf(single.stream().map(m -> "V" + m.version() + "__" + m.name()).toList());
    }

    @Test
    void eachTableBecomesAReplicatedLocalTableWithTheSameColumnsAndOrder() {
        Map<String, Matcher> localTables = new LinkedHashMap<>();
        statements(cluster).stream().map(LOCAL_TABLE::matcher).filter(Matcher::matches).forEach(m -> localTables.put(m.group(1), m));

        var singleTables = statements(single).stream().map(TABLE::matcher).filter(Matcher::matches).toList();

        assertThat(singleTables).as("tables found in db/migration").hasSizeGreaterThanOrEqualTo(9);
        assertThat(localTables.keySet()).containsExactlyElementsOf(singleTables.stream().map(m -> m.group(1)).toList());
        for (Matcher table : singleTables) {
            Matcher local = localTables.get(table.group(1));
            assertThat(columns(local.group(2))).as(table.group(1) + " columns").isEqualTo(columns(table.group(2)));
            assertThat(local.group(3)).as(table.group(1) + " engine").isEqualTo(table.group(3));
            assertThat(local.group(4)).as(table.group(1) + " replication path").isEqualTo(table.group(1) + "_local");
            assertThat(local.group(5)).as(table.group(1) + " engine arguments").isEqualTo(table.group(4));
            assertThat(normalised(local.group(6))).as(table.group(1) + " partitioning and order").isEqualTo(normalised(table.group(5)));
        }
    }

    @Test
    void eachTableIsReadThroughADistributedTableUnderItsOwnName() {
        var singleNames = statements(single).stream().map(TABLE::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
        var distributed = statements(cluster).stream().map(DISTRIBUTED::matcher).filter(Matcher::matches).toList();

        assertThat(singleNames).hasSizeGreaterThanOrEqualTo(9);
        assertThat(distributed).extracting(m -> m.group(1)).containsExactlyElementsOf(singleNames);
        for (Matcher d : distributed) {
            assertThat(d.group(2)).isEqualTo(d.group(1) + "_local");
            assertThat(d.group(3)).isEqualTo(d.group(1) + "_local");
        }
    }

    @Test
    void theLoadersTablesAreShardedByKafkaPartitionSoResumeOffsetsStayExact() {
        var keys = statements(cluster).stream().map(DISTRIBUTED::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(4)));

        assertThat(keys).containsEntry("answers", "kafka_partition").containsEntry("mastery", "kafka_partition")
                .containsEntry("learners", "cityHash64(learner_id)").containsEntry("erased_learners", "cityHash64(learner_hash)")
                .containsEntry("question_discrimination", "cityHash64(question_id)");
    }

    @Test
    void viewsReadTheLocalTablesAndOtherwiseSelectTheSame() {
        Map<String, Matcher> singleViews = new LinkedHashMap<>();
        statements(single).stream().map(VIEW::matcher).filter(Matcher::matches).forEach(m -> singleViews.put(m.group(1), m));
        var clusterViews = statements(cluster).stream().map(VIEW::matcher).filter(Matcher::matches).toList();

        assertThat(singleViews).as("views found in db/migration").hasSizeGreaterThanOrEqualTo(4);
        assertThat(clusterViews).extracting(m -> m.group(1)).containsExactlyElementsOf(singleViews.keySet());
        for (Matcher view : clusterViews) {
            Matcher twin = singleViews.get(view.group(1));
            assertThat(view.group(2)).as(view.group(1) + " ON CLUSTER").isNotNull();
            assertThat(view.group(3)).isEqualTo(twin.group(3) + "_local");
            assertThat(normalised(view.group(4).replaceAll("(\\$\\{database}\\.\\w+)_local", "$1")))
                    .as(view.group(1) + " select").isEqualTo(normalised(twin.group(4)));
            assertThat(view.group(4)).contains("_local");
        }
    }

    @Test
    void eachAddedColumnIsAddedToTheLocalTablesAndToTheDistributedTableOverThem() {
        var singleAlters = statements(single).stream().filter(sql -> sql.startsWith("ALTER TABLE")).toList();
        var clusterAlters = statements(cluster).stream().filter(sql -> sql.startsWith("ALTER TABLE")).toList();

        assertThat(singleAlters).as("ALTER statements in db/migration").isNotEmpty();
        var expected = singleAlters.stream().flatMap(sql -> Stream.of(
                sql.replaceFirst("^ALTER TABLE (\\$\\{database}\\.\\w+) ", "ALTER TABLE $1_local ON CLUSTER \\${cluster} "),
                sql.replaceFirst("^ALTER TABLE (\\$\\{database}\\.\\w+) ", "ALTER TABLE $1 ON CLUSTER \\${cluster} "))).toList();
        assertThat(clusterAlters).containsExactlyElementsOf(expected);
    }

    @Test
    void everyClusterStatementRunsOnTheWholeCluster() {
        assertThat(statements(cluster)).allSatisfy(sql -> assertThat(sql).contains("ON CLUSTER ${cluster}"));
    }

    @Test
    void clusterErasureDeletesFromTheLocalTwinOfEachTableTheSingleServerErasureDeletesFrom() {
        List<String> singleDeletes = SqlFile.statements("loader/erase_learner.sql");
        List<String> clusterDeletes = SqlFile.statements("loader/erase_learner_cluster.sql");

        assertThat(clusterDeletes).isNotEmpty().hasSameSizeAs(singleDeletes);
        for (int i = 0; i < singleDeletes.size(); i++) {
            String expected = singleDeletes.get(i).replaceAll("(ALTER TABLE \\$\\{database}\\.\\w+) DELETE", "$1_local ON CLUSTER \\${cluster} DELETE");
            assertThat(clusterDeletes.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void aClusterNameThatIsNoIdentifierIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ClickHouseSettings("http://ch:8123", "hone", "default", "",
                        Duration.ofSeconds(1), Duration.ofSeconds(1), "hone; DROP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hone.clickhouse.cluster");
    }

    private static List<String> statements(List<Migrations.Migration> migrations) {
        return migrations.stream().flatMap(m -> Migrations.statements(m.sql()).stream()).toList();
    }

    private static List<String> columns(String body) {
        return body.lines().map(String::strip).map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static String normalised(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
