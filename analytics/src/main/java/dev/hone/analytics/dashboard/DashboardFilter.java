package dev.hone.analytics.dashboard;

import dev.hone.events.Ids;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The filters every dashboard takes: track, cohort and a date range. The range is widened to
 * whole weeks (Monday of {@code from} to the end of {@code to}'s week) so the weekly views and
 * the raw answers agree.
 */
record DashboardFilter(String cohort, String track, LocalDate from, LocalDate to, boolean defaultRange) {

    static DashboardFilter of(String cohort, String track, String from, String to, int defaultDays, LocalDate today) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(defaultDays));
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("from: must not be after to");
        }
        boolean defaultRange = (from == null || from.isBlank()) && (to == null || to.isBlank());
        return new DashboardFilter(id("cohort", cohort), id("track", track), start, end, defaultRange);
    }

    static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException(field + ": " + Ids.RULE);
        }
        return value;
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": must be a date like 2026-11-28");
        }
    }

    LocalDate weekStart() {
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Exclusive: the Monday after {@code to}'s week. */
    LocalDate weekEnd() {
        return to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
    }

    boolean isUnfiltered() {
        return cohort.isEmpty() && track.isEmpty();
    }

    MapSqlParameterSource params() {
        return new MapSqlParameterSource()
                .addValue("cohort", cohort)
                .addValue("track", track)
                .addValue("from", weekStart() + " 00:00:00")
                .addValue("to", weekEnd() + " 00:00:00");
    }
}
