package dev.hone.events;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming answer serde against data binding ({@link JsonSerde}), the reference: the same bytes out, the same answers and refusals in. */
class AnswerJsonSerdeTests {

    private final AnswerJsonSerde serde = new AnswerJsonSerde();
    private final JsonSerde<AnswerRecorded> reference = JsonSerde.of(AnswerRecorded.class);

    @Test
    void writesTheBytesDataBindingWritesAndReadsThemBack() {
        var random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            AnswerRecorded answer = randomAnswer(random);

            byte[] bytes = serde.serialize(Topics.ANSWERS_NAME, answer);

            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(new String(reference.serialize(Topics.ANSWERS_NAME, answer), StandardCharsets.UTF_8));
            assertThat(serde.deserialize(Topics.ANSWERS_NAME, bytes)).isEqualTo(answer);
        }
    }

    @Test
    void answersToTheSameQuestionWriteItsPartAlikeAndAnEditedQuestionItsOwn() {
        var random = new SplittableRandom(9);
        List<String> questions = List.of("core.gil.q01", "web.http.q02", "q\"\u00e9\ud83d\ude00");
        for (int i = 0; i < 5_000; i++) {
            AnswerRecorded r = randomAnswer(random);
            String question = questions.get(random.nextInt(questions.size()));
            boolean edited = random.nextInt(10) == 0; // now and then the same id with another topic, skills, kind or level
            AnswerRecorded answer = new AnswerRecorded(r.schema(), r.eventId(), r.learnerId(), question,
                    edited ? r.topicId() : "topic-of-" + question, edited ? r.skills() : List.of("topic-of-" + question),
                    edited ? r.kind() : "single_choice", edited ? r.difficulty() : 3, r.chosenOptions(), r.responseText(),
                    r.correct(), r.score(), r.answeredAt(), r.responseMs(), r.recordedAt());

            assertThat(new String(serde.serialize(Topics.ANSWERS_NAME, answer), StandardCharsets.UTF_8))
                    .isEqualTo(new String(reference.serialize(Topics.ANSWERS_NAME, answer), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theShapeHoneWritesIsReadWithoutDataBinding() {
        var answer = new AnswerRecorded(1, "e-1", "ada", "core.gil.q01", "core.gil", List.of("core.gil", "perf.concurrency"),
                "single_choice", 2, List.of("a"), null, true, 1.0, Instant.parse("2026-11-28T10:00:00Z"), 4200,
                Instant.parse("2026-11-28T10:00:01.5Z"));

        assertThat(AnswerJsonSerde.readCanonical(reference.serialize(Topics.ANSWERS_NAME, answer))).isEqualTo(answer);
    }

    @Test
    void everyOtherShapeIsReadOrRefusedAsDataBindingDoes() {
        String base = "\"eventId\":\"e\",\"learnerId\":\"l\",\"questionId\":\"q\",\"topicId\":\"t\",\"kind\":\"single_choice\","
                + "\"skills\":[\"t\"],\"chosenOptions\":[\"a\"],\"answeredAt\":\"2026-11-28T10:00:00Z\",\"recordedAt\":\"2026-11-28T10:00:01Z\"";
        String primitives = "\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":1,\"responseMs\":5";
        List<String> documents = List.of(
                "{" + base + "," + primitives + "}",
                "{" + base + "," + primitives + ",\"future\":{\"nested\":[1,{\"a\":null}]}}",
                "{" + base + ",\"schema\":\"1\",\"difficulty\":2,\"correct\":true,\"score\":1,\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2.0,\"correct\":true,\"score\":1,\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":\"true\",\"score\":1,\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":1,\"score\":1,\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":null,\"score\":1,\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":\"0.5\",\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":1,\"responseMs\":5.7}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":1,\"responseMs\":99999999999999999999999}",
                "{" + base + ",\"schema\":1,\"difficulty\":9999999999,\"correct\":true,\"score\":1,\"responseMs\":5}",
                "{" + base + ",\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":1}",
                "{" + base + "," + primitives + ",\"schema\":2}",
                "{" + base + "," + primitives + ",\"eventId\":\"twice\"}",
                "{" + base + "," + primitives + ",\"eventId\":42}",
                "{" + base + "," + primitives + ",\"learnerId\":[\"l\"]}",
                "{" + base + "," + primitives + ",\"skills\":\"t\"}",
                "{" + base + "," + primitives + ",\"skills\":null}",
                "{" + base + "," + primitives + ",\"skills\":[\"t\",null]}",
                "{" + base + "," + primitives + ",\"skills\":[1]}",
                "{" + base + "," + primitives + ",\"answeredAt\":\"2026-11-28T12:00:00+02:00\"}",
                "{" + base + "," + primitives + ",\"answeredAt\":\"yesterday\"}",
                "{" + base + "," + primitives + ",\"answeredAt\":1764324000}",
                "{" + base + "," + primitives + ",\"answeredAt\":null}",
                "{" + base + "," + primitives + "} trailing",
                "{" + base + "," + primitives,
                "[1]", "1", "\"answer\"", "null", "{not json", "", "{}");
        for (String json : documents) {
            assertThat(outcome(serde, json)).as(json).isEqualTo(outcome(reference, json));
        }
    }

    @Test
    void fieldsAfterTheLastOneHoneWritesAreReadOrRefusedAsDataBindingDoes() {
        var answer = new AnswerRecorded(1, "e-1", "ada", "core.gil.q01", "core.gil", List.of("core.gil"), "single_choice", 2,
                List.of("a"), "text", true, 1.0, Instant.parse("2026-11-28T10:00:00Z"), 4200, Instant.parse("2026-11-28T10:00:01Z"));
        String written = new String(reference.serialize(Topics.ANSWERS_NAME, answer), StandardCharsets.UTF_8);
        String open = written.substring(0, written.length() - 1);
        List<String> documents = List.of(written, open + ",\"future\":[1,{\"a\":null}]}", open + ",\"recordedAt\":\"2026-11-28T10:00:02Z\"}",
                open + ",\"schema\":2}", open + ",\"future\":1,\"eventId\":\"twice\"}", open, open + ",", open + "} trailing",
                "{\"future\":1," + written.substring(1), "{\"eventId\":\"first\"," + written.substring(1));
        assertThat(AnswerJsonSerde.readCanonical(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(answer);
        for (String json : documents) {
            assertThat(outcome(serde, json)).as(json).isEqualTo(outcome(reference, json));
        }
    }

    @Test
    void randomlyDamagedAnswersAreReadOrRefusedAsDataBindingDoes() {
        var random = new SplittableRandom(9);
        String[] replacements = {"null", "1", "-1", "2.5", "1e400", "\"x\"", "\"\"", "true", "[]", "[\"a\"]", "[null]", "{}", "{\"a\":1}",
                "\"2026-11-28T10:00:00Z\"", "\"2026-11-28T10:00:00.000000001Z\"", "99999999999", "\"\\u0000\"", "\"1\""};
        for (int i = 0; i < 5_000; i++) {
            String json = new String(reference.serialize(Topics.ANSWERS_NAME, randomAnswer(random)), StandardCharsets.UTF_8);
            String damaged = damage(json, random, replacements);
            assertThat(outcome(serde, damaged)).as(damaged).isEqualTo(outcome(reference, damaged));
        }
    }

    @Test
    void answersInPrintableAsciiAreReadStraightFromTheirBytes() {
        var random = new SplittableRandom(11);
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            AnswerRecorded answer = randomAnswer(random, ASCII);

            AnswerRecorded exact = AnswerBytesReader.read(reference.serialize(Topics.ANSWERS_NAME, answer));
            if (inCanonicalRange(answer.answeredAt()) && inCanonicalRange(answer.recordedAt()) && Math.abs(answer.responseMs()) < 1e18) {
                assertThat(exact).isEqualTo(answer);
                read++;
            } else {
                assertThat(exact).as("a year past 9999 or a 19-digit number: the streaming reader's").isNull();
            }
        }
        assertThat(read).isGreaterThan(5_000);
    }

    @Test
    void whatTheByteReaderReadsTheStreamingReaderReadsAlike() {
        var random = new SplittableRandom(13);
        String[] replacements = {"null", "1", "-1", "-0", "0", "01", "1.", "1.5e", "-", "2.5", "1e400", "-0.0", "1E-7", "9223372036854775807",
                "123456789012345678", "1234567890123456789", "2147483648", "-2147483648", "\"x\"", "\"\"", "true", "truex", "nul", "[]",
                "[\"a\"]", "[\"a\",]", "[,]", "[null]", "{}", "\"2026-11-28T10:00:00Z\"", "\"2026-11-28T10:00:00.000000001Z\"",
                "\"2026-02-30T10:00:00Z\"", "\"\\u0041\"", "\"a\u007fb\""};
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            String json = new String(reference.serialize(Topics.ANSWERS_NAME, randomAnswer(random, ASCII)), StandardCharsets.UTF_8);
            String damaged = i % 4 == 0 ? json : damage(json, random, replacements);
            byte[] bytes = damaged.getBytes(StandardCharsets.UTF_8);

            AnswerRecorded exact = AnswerBytesReader.read(bytes);
            if (exact != null) {
                read++;
                assertThat(exact).as(damaged).isEqualTo(AnswerJsonSerde.readCanonical(bytes));
                assertThat(outcome(reference, damaged)).as(damaged).isEqualTo("read " + exact);
            }
        }
        assertThat(read).as("the byte reader took undamaged documents and some damaged ones").isGreaterThan(2_000);
    }

    @Test
    void scoresWrittenAsShortDecimalsReadAsDoubleParseDoubleReadsThem() {
        var random = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            var digits = new StringBuilder(random.nextBoolean() ? "0" : Integer.toString(random.nextInt(1, 10)));
            for (int d = digits.charAt(0) == '0' ? 0 : random.nextInt(0, 8); d > 0; d--) {
                digits.append(random.nextInt(10));
            }
            digits.append('.');
            for (int d = random.nextInt(1, 8); d > 0; d--) {
                digits.append(random.nextInt(10));
            }
            String score = (random.nextInt(4) == 0 ? "-" : "") + digits;
            String json = "{\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":" + score + ",\"responseMs\":5}";

            AnswerRecorded read = AnswerBytesReader.read(json.getBytes(StandardCharsets.UTF_8));

            assertThat(read).as(json).isNotNull();
            assertThat(Double.doubleToRawLongBits(read.score())).as(score).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(score)));
        }
    }

    @Test
    void aStringLongerThanJacksonReadsIsRefusedAsDataBindingRefusesIt() {
        String text = "x".repeat(AnswerBytesReader.MAX_DOCUMENT + 1);
        String json = "{\"schema\":1,\"difficulty\":2,\"correct\":true,\"score\":1,\"responseMs\":5,\"responseText\":\"" + text + "\"}";

        assertThat(AnswerBytesReader.read(json.getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(outcome(serde, json)).startsWith("refused").isEqualTo(outcome(reference, json));
    }

    @Test
    void theByteReaderLeavesEverythingButTheExactShapeToTheStreamingReader() {
        String written = new String(reference.serialize(Topics.ANSWERS_NAME, new AnswerRecorded(1, "e-1", "ada", "core.gil.q01", "core.gil",
                List.of("core.gil"), "single_choice", 2, List.of("a"), "text", true, 1.0, Instant.parse("2026-11-28T10:00:00Z"), 4200,
                Instant.parse("2026-11-28T10:00:01Z"))), StandardCharsets.UTF_8);
        String open = written.substring(0, written.length() - 1);
        List<String> documents = List.of(" " + written, written + " ", written.replace(",", ", "), written.replace(":", " :"),
                open + ",\"future\":1}", written.replace("\"text\"", "\"caf\u00e9\""), written.replace("\"text\"", "\"a\\nb\""),
                written.replace("\"eventId\"", "\"event\\u0049d\""), open + ",\"schema\":1}", written.replace("4200", "4200.0"),
                written.replace("\"difficulty\":2", "\"difficulty\":02"), written.replace("true", "tru"), open, "{}", "");
        assertThat(AnswerBytesReader.read(written.getBytes(StandardCharsets.UTF_8))).isNotNull();
        for (String json : documents) {
            assertThat(AnswerBytesReader.read(json.getBytes(StandardCharsets.UTF_8))).as(json).isNull();
            assertThat(outcome(serde, json)).as(json).isEqualTo(outcome(reference, json));
        }
    }

    @Test
    void unreadableBytesAreSerializationExceptionsNamingTheTopic() {
        assertThatThrownBy(() -> serde.deserialize(Topics.ANSWERS_NAME, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Topics.ANSWERS_NAME);
    }

    /** Replaces one field's value with another JSON value, drops a field, or duplicates one. */
    private static String damage(String json, SplittableRandom random, String[] replacements) {
        List<int[]> values = new ArrayList<>(); // [start, end) of each top-level value
        int depth = 0;
        boolean inString = false;
        int start = -1;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth == 0 && start >= 0) {
                        values.add(new int[] {start, i});
                    }
                }
                case ':' -> {
                    if (depth == 1) {
                        start = i + 1;
                    }
                }
                case ',' -> {
                    if (depth == 1 && start >= 0) {
                        values.add(new int[] {start, i});
                        start = -1;
                    }
                }
                default -> {
                }
            }
        }
        int[] v = values.get(random.nextInt(values.size()));
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, json.lastIndexOf('}')) + "," + json.substring(json.lastIndexOf(',', v[0]) + 1, v[1]) + "}";
            case 1 -> json.substring(0, json.lastIndexOf(',', v[0]) + 1) + json.substring(Math.min(v[1] + 1, json.length() - 1));
            default -> json.substring(0, v[0]) + replacements[random.nextInt(replacements.length)] + json.substring(v[1]);
        };
    }

    private static String outcome(AbstractSerde<AnswerRecorded> serde, String json) {
        try {
            return "read " + serde.deserialize(Topics.ANSWERS_NAME, json.getBytes(StandardCharsets.UTF_8));
        } catch (SerializationException e) {
            return "refused " + e.getMessage();
        }
    }

    /** Texts of every kind: escapes, control characters, non-ASCII letters, surrogate pairs. */
    private static final String ANY = "abcxyz019._:@-\"\\/\n\t\u0001\u00e9\u4e2d\ud83d\ude00 ";
    /** Texts as ids are: printable ASCII, nothing to escape. */
    private static final String ASCII = "abcxyzABC019._:@-/ ~";

    private static AnswerRecorded randomAnswer(SplittableRandom random) {
        return randomAnswer(random, ANY);
    }

    private static AnswerRecorded randomAnswer(SplittableRandom random, String alphabet) {
        List<String> skills = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            skills.add(randomText(random, alphabet));
        }
        List<String> chosen = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            chosen.add(randomText(random, alphabet));
        }
        double score = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> random.nextDouble();
            default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
        };
        return new AnswerRecorded(random.nextInt(3), nullable(random, alphabet), nullable(random, alphabet), nullable(random, alphabet),
                nullable(random, alphabet), skills, nullable(random, alphabet), random.nextInt(-3, 8), chosen, nullable(random, alphabet),
                random.nextBoolean(), score, instant(random),
                random.nextBoolean() ? random.nextLong(0, 86_400_001) : random.nextLong(), instant(random));
    }

    private static boolean inCanonicalRange(Instant instant) {
        return instant == null || (!instant.isBefore(Instant.parse("0000-01-01T00:00:00Z")) && instant.isBefore(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    private static Instant instant(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Instant.ofEpochSecond(random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L), random.nextInt(1_000_000_000));
            case 2 -> Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000) * 1_000_000);
            default -> Instant.ofEpochSecond(random.nextLong(1_700_000_000L, 1_900_000_000L));
        };
    }

    private static String nullable(SplittableRandom random, String alphabet) {
        return random.nextInt(8) == 0 ? null : randomText(random, alphabet);
    }

    private static String randomText(SplittableRandom random, String alphabet) {
        var text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at));
            }
        }
        return text.toString();
    }
}
