package dev.hone.analytics.loader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hone.events.AnswerRecorded;
import dev.hone.events.EventJson;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link AnswerRecorded} JSON with Jackson's streaming parser: the loader's consumer thread
 * spent most of its time in data binding and {@code Instant.parse}, which capped the loader at a
 * fraction of ClickHouse's insert rate. Same contract as the events serde (unknown fields
 * ignored, a null primitive or unreadable JSON is a {@link SerializationException}); the tests
 * check it against the serde.
 */
final class AnswerJson {

    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    private AnswerJson() {
    }

    static AnswerRecorded read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SerializationException("cannot read AnswerRecorded: not a JSON object");
            }
            int primitives = 0; // like the serde, every primitive must be present
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
            List<String> chosen = null;
            Instant answeredAt = null;
            Instant recordedAt = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "schema" -> {
                        schema = primitive(p, value).getIntValue();
                        primitives |= 1;
                    }
                    case "difficulty" -> {
                        difficulty = primitive(p, value).getIntValue();
                        primitives |= 2;
                    }
                    case "correct" -> {
                        correct = primitive(p, value).getBooleanValue();
                        primitives |= 4;
                    }
                    case "score" -> {
                        score = primitive(p, value).getDoubleValue();
                        primitives |= 8;
                    }
                    case "responseMs" -> {
                        responseMs = primitive(p, value).getLongValue();
                        primitives |= 16;
                    }
                    case "eventId" -> eventId = text(p, value);
                    case "learnerId" -> learnerId = text(p, value);
                    case "questionId" -> questionId = text(p, value);
                    case "topicId" -> topicId = text(p, value);
                    case "kind" -> kind = text(p, value);
                    case "responseText" -> responseText = text(p, value);
                    case "skills" -> skills = texts(p, value);
                    case "chosenOptions" -> chosen = texts(p, value);
                    case "answeredAt" -> answeredAt = instant(text(p, value));
                    case "recordedAt" -> recordedAt = instant(text(p, value));
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new SerializationException("cannot read AnswerRecorded: unexpected " + p.currentToken());
            }
            if (primitives != 31) {
                throw new SerializationException("cannot read AnswerRecorded: schema, difficulty, correct, score and responseMs are required");
            }
            return new AnswerRecorded(schema, eventId, learnerId, questionId, topicId, skills, kind, difficulty, chosen, responseText,
                    correct, score, answeredAt, responseMs, recordedAt);
        } catch (IOException | DateTimeParseException e) {
            throw new SerializationException("cannot read AnswerRecorded: " + e.getMessage(), e);
        }
    }

    private static JsonParser primitive(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL || !value.isScalarValue()) {
            throw new SerializationException("cannot read AnswerRecorded: " + p.currentName() + " must be a number or boolean, not " + value);
        }
        if (value == JsonToken.VALUE_STRING) {
            throw new SerializationException("cannot read AnswerRecorded: " + p.currentName() + " must not be a string");
        }
        return p;
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new SerializationException("cannot read AnswerRecorded: " + p.currentName() + " must be a string");
        }
        return p.getText();
    }

    private static List<String> texts(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new SerializationException("cannot read AnswerRecorded: " + p.currentName() + " must be a list");
        }
        var items = new ArrayList<String>(2);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            items.add(text(p, t));
        }
        return items;
    }

    /** {@code 2026-11-28T10:00:00Z} or with a fraction, parsed by hand; anything else by {@link Instant#parse}. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || (n > 20 && s.charAt(19) != '.') || n > 30) {
            return Instant.parse(s);
        }
        try {
            long day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            if (hour > 23 || minute > 59 || second > 59) {
                return Instant.parse(s);
            }
            int nanos = 0;
            if (n > 20) {
                int fraction = digits(s, 20, n - 1);
                nanos = fraction * (int) Math.pow(10, 9 - (n - 21));
            }
            return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second, nanos);
        } catch (RuntimeException e) {
            return Instant.parse(s);
        }
    }

    private static int digits(String s, int from, int to) {
        if (to <= from) {
            throw new NumberFormatException("no digits");
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
