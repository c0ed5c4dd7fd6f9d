package dev.hone.events;

import java.time.Instant;

/**
 * Reads and writes the one instant shape Hone's events carry, {@code 2026-11-28T10:00:00.123Z} (ISO-8601 in UTC,
 * years 0000-9999, the fraction in groups of three digits as {@link java.time.format.DateTimeFormatter#ISO_INSTANT}
 * prints it), without {@code DateTimeFormatter}: parsing two instants through it was half the cost of reading an
 * answer event in the recommender's profile. Anything else (an offset, a leap second, a lower-case {@code t}, an
 * invalid date, a year past 9999) is not this class's to decide: {@link #parse} answers {@code null} and
 * {@link #format} {@code null}, and the caller goes to the JDK's formatter, so what is accepted and how it reads is
 * unchanged.
 */
final class UtcInstantText {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int DAYS_0000_TO_1970 = 719_528;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private UtcInstantText() {
    }

    /** The instant of {@code text[offset, offset + length)} when it has the canonical shape, else null. */
    static Instant parse(char[] text, int offset, int length) {
        // yyyy-MM-ddTHH:mm:ss then optionally .f{1,9}, then Z
        if (length < 20 || length == 21 || length > 30) {
            return null;
        }
        int end = offset + length;
        if (text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T' || text[offset + 13] != ':'
                || text[offset + 16] != ':' || text[end - 1] != 'Z') {
            return null;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text[offset + 19] != '.') {
                return null;
            }
            int fractionDigits = length - 21;
            int fraction = digits(text, offset + 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (length != 20) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The canonical text of {@code instant}, exactly as {@code ISO_INSTANT} prints it, or null outside years 0000-9999. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        if (epochDay < -DAYS_0000_TO_1970 || epochDay >= 2_932_897) { // 0000-01-01 .. 9999-12-31
            return null;
        }
        // civil-from-days (H. Hinnant's algorithm, proleptic Gregorian), the same calendar java.time uses
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int nanos = instant.getNano();
        char[] out = new char[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : 30];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, day, 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        if (out.length > 20) {
            out[19] = '.';
            int fractionDigits = out.length - 21;
            int fraction = nanos;
            for (int i = fractionDigits; i < 9; i++) {
                fraction /= 10;
            }
            put(out, 20, fraction, fractionDigits);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static void put(char[] out, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysIn(int year, int month) {
        return month == 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days from 1970-01-01 (days-from-civil, proleptic Gregorian). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
