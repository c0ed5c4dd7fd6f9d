package dev.hone.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who a learner is for the dashboards: their cohort and track. Keyed by learnerId on the
 * compacted {@link Topics#LEARNERS}; the latest record per key wins, and a {@code null} value
 * (a tombstone) erases the learner: their state and their rows in ClickHouse are deleted.
 *
 * @param cohort a coach's group of learners, e.g. {@code 2026-spring}
 * @param track  the role track they prepare for: general, web, data-ml, senior
 * @param name   display name, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearnerProfile(int schema, String learnerId, String cohort, String track, String name) {

    public static final int SCHEMA = 1;
}
