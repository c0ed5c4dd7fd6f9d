package dev.hone.analytics.access;

import dev.hone.analytics.clickhouse.SqlFile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A learner's cohort for the coach rule, from the learners table the loader fills from
 * {@code hone.learners.v1}. Asked only when a coach reads a learner (one indexed lookup).
 */
@Component
class LearnerCohorts {

    private static final String COHORT = SqlFile.load("dashboard/learner_cohort.sql");

    private final NamedParameterJdbcTemplate clickHouse;

    LearnerCohorts(NamedParameterJdbcTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    Optional<String> of(String learnerId) {
        String cohort = clickHouse.queryForObject(COHORT, new MapSqlParameterSource("learner", learnerId), String.class);
        return cohort == null || cohort.isEmpty() ? Optional.empty() : Optional.of(cohort);
    }
}
