package dev.hone.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

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

    // field names with their JSON bytes made once (the generator copies and checks a String name on every write)
    private static final SerializableString SCHEMA = new SerializedString("schema");
    private static final SerializableString EVENT_ID = new SerializedString("eventId");
    private static final SerializableString LEARNER_ID = new SerializedString("learnerId");
    private static final SerializableString QUESTION_ID = new SerializedString("questionId");
    private static final SerializableString TOPIC_ID = new SerializedString("topicId");
    private static final SerializableString SKILLS = new SerializedString("skills");
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString DIFFICULTY = new SerializedString("difficulty");
    private static final SerializableString CHOSEN_OPTIONS = new SerializedString("chosenOptions");
    private static final SerializableString RESPONSE_TEXT = new SerializedString("responseText");
    private static final SerializableString CORRECT = new SerializedString("correct");
    private static final SerializableString SCORE = new SerializedString("score");
    private static final SerializableString ANSWERED_AT = new SerializedString("answeredAt");
    private static final SerializableString RESPONSE_MS = new SerializedString("responseMs");
    private static final SerializableString RECORDED_AT = new SerializedString("recordedAt");

    private final JsonSerde<AnswerRecorded> reference = JsonSerde.of(AnswerRecorded.class);
    private final QuestionFields questionFields = new QuestionFields();

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
        // the record's component order, nulls left out (@JsonInclude NON_NULL), as data binding writes it
        return JsonBytes.object(AnswerRecorded.class, topic, 512, g -> {
            g.writeFieldName(SCHEMA);
            g.writeNumber(a.schema());
            stringField(g, EVENT_ID, a.eventId());
            stringField(g, LEARNER_ID, a.learnerId());
            g.writeRaw(questionFields.of(a)); // after a field: the context already wants a comma before the next one
            stringsField(g, CHOSEN_OPTIONS, a.chosenOptions());
            stringField(g, RESPONSE_TEXT, a.responseText());
            g.writeFieldName(CORRECT);
            g.writeBoolean(a.correct());
            g.writeFieldName(SCORE);
            g.writeNumber(a.score());
            stringField(g, ANSWERED_AT, answeredAt);
            g.writeFieldName(RESPONSE_MS);
            g.writeNumber(a.responseMs());
            stringField(g, RECORDED_AT, recordedAt);
        });
    }

    @Override
    protected AnswerRecorded read(String topic, byte[] data) {
        AnswerRecorded exact = AnswerBytesReader.read(data); // the bytes exactly as Hone writes them, nearly every answer
        if (exact != null) {
            return exact;
        }
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
                fields.read(name, p.nextToken(), p);
            }
            return fields.answer();
        } catch (IOException | RuntimeException e) {
            return null; // malformed, or not the shape Hone writes (NotCanonical): the reference serde decides
        }
    }

    /**
     * The question's part of an answer's JSON ({@code ,"questionId":...,"difficulty":N}), the same for every answer to
     * the question, written once and then copied: it was about a third of writing an answer, and ingest writes one per
     * answer. Kept per question id, checked against the answer's own values on every use (an answer that disagrees,
     * say a question edited since, gets its own text), at most {@value #MAX_QUESTIONS} questions.
     */
    private static final class QuestionFields {

        private static final int MAX_QUESTIONS = 20_000;

        private record Part(String questionId, String topicId, List<String> skills, String kind, int difficulty,
                            SerializableString json) {

            boolean describes(AnswerRecorded a) {
                return a.difficulty() == difficulty && java.util.Objects.equals(a.topicId(), topicId)
                        && java.util.Objects.equals(a.kind(), kind) && java.util.Objects.equals(a.skills(), skills);
            }
        }

        private final java.util.concurrent.ConcurrentMap<String, Part> byQuestion = new java.util.concurrent.ConcurrentHashMap<>();

        SerializableString of(AnswerRecorded a) {
            Part known = a.questionId() == null ? null : byQuestion.get(a.questionId());
            if (known != null && known.describes(a)) {
                return known.json();
            }
            Part part = new Part(a.questionId(), a.topicId(), a.skills(), a.kind(), a.difficulty(), write(a));
            if (a.questionId() != null && (known != null || byQuestion.size() < MAX_QUESTIONS)) {
                byQuestion.put(a.questionId(), part);
            }
            return part.json();
        }

        /** The fields as the generator writes them inside an object, with the comma that follows the field before. */
        private static SerializableString write(AnswerRecorded a) {
            byte[] object = JsonBytes.object(AnswerRecorded.class, Topics.ANSWERS_NAME, 128, g -> {
                stringField(g, QUESTION_ID, a.questionId());
                stringField(g, TOPIC_ID, a.topicId());
                stringsField(g, SKILLS, a.skills());
                stringField(g, KIND, a.kind());
                g.writeFieldName(DIFFICULTY);
                g.writeNumber(a.difficulty());
            });
            // {"questionId":...,"difficulty":N} -> ,"questionId":...,"difficulty":N (never empty: difficulty is always written)
            byte[] fields = java.util.Arrays.copyOfRange(object, 0, object.length - 1);
            fields[0] = ',';
            return new SerializedString(new String(fields, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static void stringField(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    private static void stringsField(JsonGenerator g, SerializableString name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** The fields read so far; anything the fast path leaves to data binding throws {@link NotCanonical}. */
    private static final class Fields {
        private static final int SCHEMA = 1;
        private static final int DIFFICULTY = 1 << 1;
        private static final int CORRECT = 1 << 2;
        private static final int SCORE = 1 << 3;
        private static final int RESPONSE_MS = 1 << 4;
        private static final int PRIMITIVES = SCHEMA | DIFFICULTY | CORRECT | SCORE | RESPONSE_MS; // all required

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

        void read(String name, JsonToken value, JsonParser p) throws IOException {
            switch (name) {
                case "schema" -> {
                    once(SCHEMA);
                    schema = intValue(value, p);
                }
                case "difficulty" -> {
                    once(DIFFICULTY);
                    difficulty = intValue(value, p);
                }
                case "correct" -> {
                    once(CORRECT);
                    correct = bool(value);
                }
                case "score" -> {
                    once(SCORE);
                    score = number(value, p);
                }
                case "responseMs" -> {
                    once(RESPONSE_MS);
                    responseMs = longValue(value, p);
                }
                case "eventId" -> {
                    once(1 << 5);
                    eventId = text(value, p);
                }
                case "learnerId" -> {
                    once(1 << 6);
                    learnerId = text(value, p);
                }
                case "questionId" -> {
                    once(1 << 7);
                    questionId = text(value, p);
                }
                case "topicId" -> {
                    once(1 << 8);
                    topicId = text(value, p);
                }
                case "kind" -> {
                    once(1 << 9);
                    kind = text(value, p);
                }
                case "responseText" -> {
                    once(1 << 10);
                    responseText = text(value, p);
                }
                case "skills" -> {
                    once(1 << 11);
                    skills = texts(value, p);
                }
                case "chosenOptions" -> {
                    once(1 << 12);
                    chosenOptions = texts(value, p);
                }
                case "answeredAt" -> {
                    once(1 << 13);
                    answeredAt = instant(value, p);
                }
                case "recordedAt" -> {
                    once(1 << 14);
                    recordedAt = instant(value, p);
                }
                default -> p.skipChildren(); // unknown fields are tolerated (forward compatible)
            }
        }

        AnswerRecorded answer() {
            if ((seen & PRIMITIVES) != PRIMITIVES) {
                return null; // a missing primitive is an error: data binding words it
            }
            return new AnswerRecorded(schema, eventId, learnerId, questionId, topicId, skills, kind, difficulty, chosenOptions,
                    responseText, correct, score, answeredAt, responseMs, recordedAt);
        }

        /** Marks the field {@code bit} as read; a second time is data binding's to decide. */
        private void once(int bit) {
            if ((seen & bit) != 0) {
                throw NotCanonical.INSTANCE;
            }
            seen |= bit;
        }

        private static int intValue(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw NotCanonical.INSTANCE;
            }
            return p.getIntValue();
        }

        private static long longValue(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw NotCanonical.INSTANCE;
            }
            return p.getLongValue();
        }

        private static double number(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
                throw NotCanonical.INSTANCE;
            }
            return p.getDoubleValue();
        }

        private static boolean bool(JsonToken value) {
            if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                throw NotCanonical.INSTANCE;
            }
            return value == JsonToken.VALUE_TRUE;
        }

        /** A string or null; anything else (a number data binding would coerce, say) is not the fast path's. */
        private static String text(JsonToken value, JsonParser p) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_STRING) {
                throw NotCanonical.INSTANCE;
            }
            return p.getText();
        }

        /** A JSON array of strings (a null list or element is left to data binding). */
        private static List<String> texts(JsonToken value, JsonParser p) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                throw NotCanonical.INSTANCE;
            }
            var items = new ArrayList<String>(2);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    throw NotCanonical.INSTANCE;
                }
                items.add(p.getText());
            }
            return items;
        }

        /** Null, or an instant in the canonical UTC shape. */
        private static Instant instant(JsonToken value, JsonParser p) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            Instant instant = value == JsonToken.VALUE_STRING
                    ? UtcInstantText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
            if (instant == null) {
                throw NotCanonical.INSTANCE;
            }
            return instant;
        }
    }

    /** Thrown inside the fast path when a document leaves the canonical shape: no stack trace, one instance. */
    private static final class NotCanonical extends RuntimeException {
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not the shape Hone writes", null, false, false);
        }
    }
}
