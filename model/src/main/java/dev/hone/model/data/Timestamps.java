package dev.hone.model.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses a timestamp field: epoch seconds (optionally with a fraction) or ISO 8601 (UTC unless an offset is given). */
final class Timestamps {

    private Timestamps() {
    }

    /** Epoch seconds, or {@link Long#MIN_VALUE} if the text is not a timestamp. */
    static long parseIso(String text) {
        String s = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            // not with an offset: try the forms without one
        }
        try {
            return Instant.parse(s).getEpochSecond();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
