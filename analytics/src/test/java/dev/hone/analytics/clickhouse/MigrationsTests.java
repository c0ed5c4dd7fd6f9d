package dev.hone.analytics.clickhouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTests {

    @Test
    void splitsAFileIntoStatementsAndDropsComments() {
        String sql = "-- a comment\nCREATE TABLE a (x UInt8) ENGINE = Log;\n\n-- another\nCREATE TABLE b (y String)\nENGINE = Log;\n";

        assertThat(Migrations.statements(sql)).containsExactly(
                "CREATE TABLE a (x UInt8) ENGINE = Log", "CREATE TABLE b (y String)\nENGINE = Log");
    }

    @Test
    void findsTheBundledMigrationsInVersionOrder() {
        List<Migrations.Migration> migrations = Migrations.load();

        assertThat(migrations).isNotEmpty();
        assertThat(migrations).extracting(Migrations.Migration::version).isSorted().doesNotHaveDuplicates();
        assertThat(migrations.get(0).sql()).contains("${database}.answers");
    }

    @Test
    void recognisesAnAddedColumnWhoseExistenceMeansItWasAppliedBefore() {
        assertThat(Migrations.isAddColumn("ALTER TABLE ${database}.answers ADD COLUMN track String DEFAULT '' AFTER learner_id")).isTrue();
        assertThat(Migrations.isAddColumn("ALTER TABLE ${database}.answers_local ON CLUSTER ${cluster} ADD COLUMN track String")).isTrue();
        assertThat(Migrations.isAddColumn("ALTER TABLE ${database}.answers DELETE WHERE learner_id = ?")).isFalse();
        assertThat(Migrations.isAddColumn("CREATE TABLE IF NOT EXISTS ${database}.t (x UInt8) ENGINE = Log")).isFalse();
    }
}
