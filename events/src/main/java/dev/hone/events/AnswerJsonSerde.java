package dev.hone.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The serde of {@link AnswerRecorded}, the record every service reads or writes once per answer, on Jackson's
 * streaming API instead of data binding: binding it was the largest single cost of the recommender's stream thread
 * and of the analytics loader's consumer. The JSON is the {@link JsonSerde}'s, byte for byte, and so is what is
 * accepted: a record in the shape Hone writes (each field of its JSON type, instants in canonical UTC, no field
 * twice) is read directly, and anything else (a number sent as a string, an offset instant, a null primitive,
 * malformed JSON) is handed to the {@link JsonSerde}, which reads or refuses it as it always did, with its message.
 */
public final class AnswerJsonSerde extends AbstractSerde<AnswerRecorded> {

    private static final JsonFactory JSON = EventJson.mapper().getFactory();
    private static final int PRIMITIVES = 0b11111; // schema, difficulty, correct, score, responseMs: all required

    private final JsonSerde<AnswerRecorded> reference = JsonSerde.of(AnswerRecorded.class);

    public AnswerJsonSerde() {
        super(AnswerRecorded.class);
    }

    @Override
    protected byte[] write(String topic, AnswerRecorded a) {
        String answeredAt = a.answeredAt() == null ? null : UtcInstantText.format(a.answeredAt());
        String recordedAt = a.recordedAt() == null ? null : UtcInstantText.format(a.recordedAt());
        if ((a.answeredAt() != null && answeredAt == null) || (a.recordedAt() != null && recordedAt == null)) {
            return reference.serialize(topic, a); // a year outside 0000-9999: the JavaTimeModule's text
        }
        try (var bytes = new ByteArrayBuilder(512); JsonGenerator g = JSON.createGenerator(bytes)) {
            // the record's component order, nulls left out (@JsonInclude NON_NULL), as data binding writes it
            g.writeStartObject();
            g.writeNumberField("schema", a.schema());
            stringField(g, "eventId", a.eventId());
            stringField(g, "learnerId", a.learnerId());
            stringField(g, "questionId", a.questionId());
            stringField(g, "topicId", a.topicId());
            stringsField(g, "skills", a.skills());
            stringField(g, "kind", a.kind());
            g.writeNumberField("difficulty", a.difficulty());
            stringsField(g, "chosenOptions", a.chosenOptions());
            stringField(g, "responseText", a.responseText());
            g.writeBooleanField("correct", a.correct());
            g.writeNumberField("score", a.score());
            stringField(g, "answeredAt", answeredAt);
            g.writeNumberField("responseMs", a.responseMs());
            stringField(g, "recordedAt", recordedAt);
            g.writeEndObject();
            g.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot write AnswerRecorded for " + topic, e);
        }
    }

    @Override
    protected AnswerRecorded read(String topic, byte[] data) {
        AnswerRecorded fast = readCanonical(data);
        return fast != null ? fast : reference.deserialize(topic, data);
    }

    /** The answer when {@code data} has the shape Hone writes, else null (the reference serde decides). */
    static AnswerRecorded readCanonical(byte[] data) {
        try (JsonParser p = JSON.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            var fields = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!fields.read(name, value, p)) {
                    return null;
                }
            }
            return fields.answer();
        } catch (IOException | RuntimeException e) {
            return null; // malformed: the reference serde says why
        }
    }

    private static void stringField(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void stringsField(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** The fields read so far; {@link #read} answers false for anything the fast path leaves to data binding. */
    private static final class Fields {
        private int seen; // one bit per known field: a field twice goes to data binding
        private int schema;
        private int difficulty;
        private boolean correct;
        private double score;
        private long responseMs;
        private String eventId;
        private String learnerId;
        private String questionId;
        private String topicId;
        private String kind;
        private String responseText;
        private List<String> skills;
        private List<String> chosenOptions;
        private Instant answeredAt;
        private Instant recordedAt;

        boolean read(String name, JsonToken value, JsonParser p) throws IOException {
            int bit;
            switch (name) {
                case "schema" -> {
                    bit = 1;
                    if (!isInt(value, p)) {
                        return false;
                    }
                    schema = p.getIntValue();
                }
                case "difficulty" -> {
                    bit = 1 << 1;
                    if (!isInt(value, p)) {
                        return false;
                    }
                    difficulty = p.getIntValue();
                }
                case "correct" -> {
                    bit = 1 << 2;
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        return false;
                    }
                    correct = value == JsonToken.VALUE_TRUE;
                }
                case "score" -> {
                    bit = 1 << 3;
                    if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
                        return false;
                    }
                    score = p.getDoubleValue();
                }
                case "responseMs" -> {
                    bit = 1 << 4;
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return false;
                    }
                    responseMs = p.getLongValue();
                }
                case "eventId" -> {
                    bit = 1 << 5;
                    eventId = text(value, p);
                }
                case "learnerId" -> {
                    bit = 1 << 6;
                    learnerId = text(value, p);
                }
                case "questionId" -> {
                    bit = 1 << 7;
                    questionId = text(value, p);
                }
                case "topicId" -> {
                    bit = 1 << 8;
                    topicId = text(value, p);
                }
                case "kind" -> {
                    bit = 1 << 9;
                    kind = text(value, p);
                }
                case "responseText" -> {
                    bit = 1 << 10;
                    responseText = text(value, p);
                }
                case "skills" -> {
                    bit = 1 << 11;
                    skills = texts(value, p);
                    if (skills == null) {
                        return false;
                    }
                }
                case "chosenOptions" -> {
                    bit = 1 << 12;
                    chosenOptions = texts(value, p);
                    if (chosenOptions == null) {
                        return false;
                    }
                }
                case "answeredAt" -> {
                    bit = 1 << 13;
                    answeredAt = instant(value, p);
                    if (answeredAt == null && value != JsonToken.VALUE_NULL) {
                        return false;
                    }
                }
                case "recordedAt" -> {
                    bit = 1 << 14;
                    recordedAt = instant(value, p);
                    if (recordedAt == null && value != JsonToken.VALUE_NULL) {
                        return false;
                    }
                }
                default -> {
                    p.skipChildren(); // unknown fields are tolerated (forward compatible)
                    return true;
                }
            }
            if ((seen & bit) != 0 || (bit >= 1 << 5 && bit <= 1 << 10 && value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)) {
                return false;
            }
            seen |= bit;
            return true;
        }

        AnswerRecorded answer() {
            if ((seen & PRIMITIVES) != PRIMITIVES) {
                return null; // a missing primitive is an error: data binding words it
            }
            return new AnswerRecorded(schema, eventId, learnerId, questionId, topicId, skills, kind, difficulty, chosenOptions,
                    responseText, correct, score, answeredAt, responseMs, recordedAt);
        }

        private static boolean isInt(JsonToken value, JsonParser p) throws IOException {
            return value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
        }

        private static String text(JsonToken value, JsonParser p) throws IOException {
            return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }

        /** The strings of a JSON array of strings; null for anything else (null included: left to data binding). */
        private static List<String> texts(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                return null;
            }
            var items = new ArrayList<String>(2);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    return null;
                }
                items.add(p.getText());
            }
            return items;
        }

        private static Instant instant(JsonToken value, JsonParser p) throws IOException {
            return value == JsonToken.VALUE_STRING ? UtcInstantText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
        }
    }
}
