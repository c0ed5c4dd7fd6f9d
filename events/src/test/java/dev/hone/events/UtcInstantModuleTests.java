package dev.hone.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast instant path against the JavaTimeModule alone: the same text out, the same value (or the same refusal) in. */
class UtcInstantModuleTests {

    private static final ObjectMapper JAVA_TIME_ONLY = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void instantsAreWrittenAsTheJavaTimeModuleWritesThem() throws Exception {
        var random = new SplittableRandom(11);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("2024-02-29T12:00:00.100Z"), Instant.MIN, Instant.MAX,
                Instant.ofEpochSecond(-1, 1), Instant.ofEpochSecond(0, 1_000), Instant.ofEpochSecond(0, 1_000_000)));
        for (int i = 0; i < 50_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L - 86_400L * 800, 253_402_300_800L + 86_400L * 800);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }

        for (Instant instant : instants) {
            assertThat(EventJson.mapper().writeValueAsString(instant)).as("%s", instant)
                    .isEqualTo(JAVA_TIME_ONLY.writeValueAsString(instant));
        }
    }

    @Test
    void dataBindingWritesAnEventsInstantsThroughTheFastPath() throws Exception {
        var provider = EventJson.mapper().getSerializerProviderInstance();
        var property = provider.findValueSerializer(MasteryChanged.class);

        assertThat(provider.findValueSerializer(Instant.class).getClass().getName()).endsWith("UtcInstantModule$Writer");
        assertThat(property.properties()).toIterable()
                .filteredOn(p -> p.getName().equals("at"))
                .singleElement()
                .satisfies(p -> assertThat(((com.fasterxml.jackson.databind.ser.BeanPropertyWriter) p).getSerializer().getClass().getName())
                        .endsWith("UtcInstantModule$Writer"));
    }

    @Test
    void canonicalTextReadsAsTheSameInstant() throws Exception {
        var random = new SplittableRandom(12);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), random.nextInt(1_000_000_000));
            for (String text : List.of(instant.toString(), withDigits(instant, 1 + random.nextInt(9)))) {
                String json = '"' + text + '"';
                assertThat(EventJson.mapper().readValue(json, Instant.class)).as(text).isEqualTo(JAVA_TIME_ONLY.readValue(json, Instant.class));
            }
        }
    }

    @Test
    void everyOtherShapeIsAcceptedOrRefusedAsTheJavaTimeModuleDoes() throws Exception {
        List<String> texts = List.of("\"2026-11-28T10:00:00+01:00\"", "\"2026-11-28t10:00:00z\"", "\"2026-11-28T10:00:60Z\"",
                "\"2016-12-31T23:59:60Z\"", "\"2026-02-29T10:00:00Z\"", "\"2024-02-29T10:00:00Z\"", "\"2026-13-01T10:00:00Z\"",
                "\"2026-11-28T24:00:00Z\"", "\"2026-11-28T10:00:00.Z\"", "\"2026-11-28T10:00:00.1234567890Z\"",
                "\"2026-11-28T10:00Z\"", "\" 2026-11-28T10:00:00Z \"", "\"+12026-11-28T10:00:00Z\"", "\"-2026-11-28T10:00:00Z\"",
                "\"2026-11-28 10:00:00Z\"", "\"2026-1a-28T10:00:00Z\"", "\"\"", "1764324000", "1764324000.5", "\"1764324000\"",
                "\"2026-11-28T10:00:00.5-00:30\"", "\"２026-11-28T10:00:00Z\"", "null", "true", "[]");
        for (String json : texts) {
            assertThat(outcome(EventJson.mapper(), json)).as(json).isEqualTo(outcome(JAVA_TIME_ONLY, json));
        }
    }

    @Test
    void anEventsInstantsSurviveTheRoundTrip() throws Exception {
        var change = new MasteryChanged(1, "ada", "core.gil", 0.5, 3, 2, "e-1", Instant.parse("2026-11-28T10:00:00.120Z"));

        String json = EventJson.mapper().writeValueAsString(change);

        assertThat(json).contains("\"at\":\"2026-11-28T10:00:00.120Z\"");
        assertThat(EventJson.mapper().readValue(json, MasteryChanged.class)).isEqualTo(change);
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return "value " + mapper.readValue(json, Instant.class);
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        }
    }

    /** The instant written with exactly {@code digits} fraction digits (truncated), a shape other writers use. */
    private static String withDigits(Instant instant, int digits) {
        String full = instant.toString().replace("Z", "");
        String seconds = full.contains(".") ? full.substring(0, full.indexOf('.')) : full;
        String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
        return seconds + "." + fraction + "Z";
    }
}
