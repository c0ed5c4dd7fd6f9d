package dev.hone.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an answer event straight from its bytes when they are exactly what Hone writes: one JSON object, no
 * whitespace, known fields once each, strings of printable ASCII without escapes, numbers in JSON's grammar, instants in
 * the canonical UTC shape. Everything else, however valid, answers {@code null} and goes to the streaming reader
 * ({@link AnswerJsonSerde#readCanonical}) and from there to data binding, so what is accepted and how it reads is
 * unchanged: whatever this class reads, they read alike (tests compare them on random and damaged documents).
 *
 * <p>Why: Jackson's streaming parser was still ~11% of the recommender's stream thread in the bench's profile (a parser
 * and its contexts per record, each field name made a String and switched on); ingest writes every answer in this one
 * shape, so one pass over the bytes reads nearly all of them.
 */
final class AnswerBytesReader {

    private static final byte[][] NAMES = names("schema", "eventId", "learnerId", "questionId", "topicId", "skills", "kind",
            "difficulty", "chosenOptions", "responseText", "correct", "score", "answeredAt", "responseMs", "recordedAt");
    private static final int SCHEMA = 0;
    private static final int EVENT_ID = 1;
    private static final int LEARNER_ID = 2;
    private static final int QUESTION_ID = 3;
    private static final int TOPIC_ID = 4;
    private static final int SKILLS = 5;
    private static final int KIND = 6;
    private static final int DIFFICULTY = 7;
    private static final int CHOSEN_OPTIONS = 8;
    private static final int RESPONSE_TEXT = 9;
    private static final int CORRECT = 10;
    private static final int SCORE = 11;
    private static final int ANSWERED_AT = 12;
    private static final int RESPONSE_MS = 13;
    private static final int RECORDED_AT = 14;
    /** The primitives: data binding refuses an answer without one. */
    private static final int REQUIRED = bit(SCHEMA) | bit(DIFFICULTY) | bit(CORRECT) | bit(SCORE) | bit(RESPONSE_MS);
    /** 10^0 to 10^15, each exact in a double. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    /** The longest number read here (longer ones are the streaming reader's). */
    private static final int MAX_NUMBER = 24;

    private final byte[] in;
    private int at;

    private AnswerBytesReader(byte[] in) {
        this.in = in;
    }

    /**
     * Jackson's longest string (its read constraints): a document longer than that could hold a string it refuses, so
     * it is left to the streaming reader, which applies the limit.
     */
    static final int MAX_DOCUMENT = EventJson.mapper().getFactory().streamReadConstraints().getMaxStringLength();

    /** The answer, or null when {@code data} is not exactly in the shape Hone writes. */
    static AnswerRecorded read(byte[] data) {
        return data == null || data.length > MAX_DOCUMENT ? null : new AnswerBytesReader(data).answer();
    }

    private AnswerRecorded answer() {
        int schema = 0;
        int difficulty = 0;
        boolean correct = false;
        double score = 0;
        long responseMs = 0;
        String eventId = null;
        String learnerId = null;
        String questionId = null;
        String topicId = null;
        String kind = null;
        String responseText = null;
        List<String> skills = null;
        List<String> chosenOptions = null;
        Instant answeredAt = null;
        Instant recordedAt = null;
        int seen = 0;
        int field = -1;
        if (!take('{')) {
            return null;
        }
        do {
            field = fieldName(field + 1);
            if (field < 0 || (seen & bit(field)) != 0 || !take(':')) {
                return null;
            }
            seen |= bit(field);
            switch (field) {
                case SCHEMA -> schema = (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
                case DIFFICULTY -> difficulty = (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
                case RESPONSE_MS -> responseMs = integer(Long.MIN_VALUE, Long.MAX_VALUE);
                case SCORE -> score = number();
                case CORRECT -> correct = bool();
                case EVENT_ID -> eventId = textOrNull();
                case LEARNER_ID -> learnerId = textOrNull();
                case QUESTION_ID -> questionId = textOrNull();
                case TOPIC_ID -> topicId = textOrNull();
                case KIND -> kind = textOrNull();
                case RESPONSE_TEXT -> responseText = textOrNull();
                case SKILLS -> skills = texts();
                case CHOSEN_OPTIONS -> chosenOptions = texts();
                case ANSWERED_AT -> answeredAt = instantOrNull();
                case RECORDED_AT -> recordedAt = instantOrNull();
                default -> throw new IllegalStateException("field " + field);
            }
            if (at < 0) {
                return null;
            }
        } while (take(','));
        if (!take('}') || at != in.length || (seen & REQUIRED) != REQUIRED) {
            return null;
        }
        return new AnswerRecorded(schema, eventId, learnerId, questionId, topicId, skills, kind, difficulty, chosenOptions,
                responseText, correct, score, answeredAt, responseMs, recordedAt);
    }

    /**
     * The index of the quoted field name here, or -1 for a name this class does not know. {@code expected} is tried
     * first: Hone writes the fields in {@link #NAMES}' order.
     */
    private int fieldName(int expected) {
        int start = at + 1;
        int end = stringEnd();
        if (end < 0) {
            return -1;
        }
        if (expected < NAMES.length && named(start, end, expected)) {
            return expected;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (named(start, end, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean named(int start, int end, int field) {
        return Arrays.equals(in, start, end, NAMES[field], 0, NAMES[field].length);
    }

    /**
     * With {@code at} on an opening quote: the index of the closing one, {@code at} moved past it; -1 (and {@code at}
     * -1) when this is not a string of printable ASCII without escapes.
     */
    private int stringEnd() {
        if (at < 0 || at >= in.length || in[at] != '"') {
            return at = -1;
        }
        for (int i = at + 1; i < in.length; i++) {
            byte b = in[i];
            if (b == '"') {
                at = i + 1;
                return i;
            }
            if (b == '\\' || b < 0x20 || b == 0x7F) { // an escape, a control character or a non-ASCII byte (negative)
                break;
            }
        }
        return at = -1;
    }

    private String text() {
        int start = at + 1;
        int end = stringEnd();
        return end < 0 ? null : new String(in, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private String textOrNull() {
        return literal("null") ? null : text();
    }

    private List<String> texts() {
        if (!take('[')) {
            at = -1;
            return null;
        }
        var items = new ArrayList<String>(2);
        if (take(']')) {
            return items;
        }
        do {
            String item = text();
            if (item == null) {
                return null;
            }
            items.add(item);
        } while (take(','));
        if (!take(']')) {
            at = -1;
        }
        return items;
    }

    private Instant instantOrNull() {
        if (literal("null")) {
            return null;
        }
        int start = at + 1;
        int end = stringEnd();
        if (end < 0) {
            return null;
        }
        char[] chars = new char[end - start];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) in[start + i];
        }
        Instant instant = UtcInstantText.parse(chars, 0, chars.length);
        if (instant == null) {
            at = -1;
        }
        return instant;
    }

    private boolean bool() {
        if (literal("true")) {
            return true;
        }
        if (!literal("false")) {
            at = -1;
        }
        return false;
    }

    /** A JSON integer within [min, max]; a fraction, an exponent, a value out of range or past 18 digits is not this class's. */
    private long integer(long min, long max) {
        int start = at;
        int end = numberEnd(false);
        if (end < 0) {
            return -1;
        }
        long value = whole(start, end);
        if (at < 0 || value < min || value > max) {
            return at = -1;
        }
        return value;
    }

    /**
     * A JSON number as a double. A whole number goes through a long, as Jackson's {@code getDoubleValue} does for an
     * integer token ({@code -0} reads 0.0, not -0.0).
     */
    private double number() {
        int start = at;
        int end = numberEnd(true);
        if (end < 0 || end - start > MAX_NUMBER) {
            return at = -1;
        }
        int point = -1;
        for (int i = start; i < end; i++) {
            if (in[i] == 'e' || in[i] == 'E') {
                return Double.parseDouble(new String(in, start, end - start, StandardCharsets.ISO_8859_1));
            }
            if (in[i] == '.') {
                point = i;
            }
        }
        if (point < 0) {
            return whole(start, end);
        }
        if (end - start > 16) {
            return Double.parseDouble(new String(in, start, end - start, StandardCharsets.ISO_8859_1));
        }
        // a short decimal (a score: 0.5, 0.75): its digits as a whole number over a power of ten, both exact in a double,
        // and IEEE division rounds correctly, so this is the double Double.parseDouble reads (Clinger's fast path)
        boolean negative = in[start] == '-';
        long digits = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            if (i != point) {
                digits = digits * 10 + (in[i] - '0');
            }
        }
        double value = digits / POWERS_OF_TEN[end - point - 1];
        return negative ? -value : value;
    }

    /** The whole number of {@code in[start, end)} (grammar checked); {@code at} -1 past 18 digits. */
    private long whole(int start, int end) {
        boolean negative = in[start] == '-';
        int first = negative ? start + 1 : start;
        if (end - first > 18) {
            at = -1;
            return 0;
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            value = value * 10 + (in[i] - '0');
        }
        return negative ? -value : value;
    }

    /**
     * With {@code at} on a number: its end by JSON's grammar ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}),
     * {@code at} moved there; -1 when it breaks the grammar, or has a fraction or exponent and {@code decimal} is false.
     */
    private int numberEnd(boolean decimal) {
        int i = at;
        if (i < in.length && in[i] == '-') {
            i++;
        }
        if (i >= in.length || !digit(in[i])) {
            return at = -1;
        }
        if (in[i] == '0') {
            i++;
        } else {
            while (i < in.length && digit(in[i])) {
                i++;
            }
        }
        if (i < in.length && in[i] == '.') {
            if (!decimal) {
                return at = -1;
            }
            int digits = ++i;
            while (i < in.length && digit(in[i])) {
                i++;
            }
            if (i == digits) {
                return at = -1;
            }
        }
        if (i < in.length && (in[i] == 'e' || in[i] == 'E')) {
            if (!decimal) {
                return at = -1;
            }
            i++;
            if (i < in.length && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < in.length && digit(in[i])) {
                i++;
            }
            if (i == digits) {
                return at = -1;
            }
        }
        if (i < in.length && in[i] != ',' && in[i] != '}') {
            return at = -1; // a number runs into something else: "1x", "01"
        }
        return at = i;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private boolean literal(String word) {
        if (at < 0 || at + word.length() > in.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    private boolean take(char c) {
        if (at >= 0 && at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private static int bit(int field) {
        return 1 << field;
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
