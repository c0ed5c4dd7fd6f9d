package dev.hone.ingest.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hone.ingest.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final AnswerValidator validator = new AnswerValidator(
            new AnswerLimits(Duration.ofMinutes(5), Duration.ofDays(30), 86_400_000, 10_000, 20, 500),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsAWellFormedAnswer() {
        assertThat(validator.validate(answer("ada", "core.gil.q01", json.valueToTree("a"), NOW, 1200L))).isEmpty();
    }

    @Test
    void listsEveryBrokenFieldAtOnce() {
        List<FieldError> errors = validator.validate(answer(null, "has space", null, null, -1L));

        assertThat(errors).extracting(FieldError::field).containsExactly("learnerId", "questionId", "response", "responseMs");
    }

    @Test
    void rejectsAnAnswerFromTheFutureButToleratesClockSkew() {
        assertThat(validator.validate(answer("ada", "q", json.valueToTree("a"), NOW.plusSeconds(240), null))).isEmpty();

        assertThat(validator.validate(answer("ada", "q", json.valueToTree("a"), NOW.plusSeconds(400), null)))
                .extracting(FieldError::field).containsExactly("answeredAt");
    }

    @Test
    void rejectsAnAnswerOlderThanTheLimit() {
        assertThat(validator.validate(answer("ada", "q", json.valueToTree("a"), NOW.minus(Duration.ofDays(31)), null)))
                .extracting(FieldError::reason).containsExactly("is older than 30 days");
    }

    @Test
    void rejectsEmptyOversizedAndMalformedResponses() {
        assertThat(validator.validate(answer("ada", "q", json.valueToTree(""), null, null))).extracting(FieldError::field).containsExactly("response");
        assertThat(validator.validate(answer("ada", "q", json.valueToTree("x".repeat(10_001)), null, null))).hasSize(1);
        assertThat(validator.validate(answer("ada", "q", json.valueToTree(List.of("a", "b c")), null, null)))
                .extracting(FieldError::field).containsExactly("response[1]");
        assertThat(validator.validate(answer("ada", "q", json.valueToTree(java.util.Map.of("a", 1)), null, null))).hasSize(1);
    }

    private static AnswerRequest answer(String learner, String question, JsonNode response, Instant at, Long ms) {
        return new AnswerRequest(null, learner, question, response, at, ms);
    }
}
