package dev.hone.ingest.answer;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/answers}. {@code response} is an option id, a list of ids, or
 * text, depending on the question's kind; {@code eventId}, {@code answeredAt} and
 * {@code responseMs} are optional.
 */
public record AnswerRequest(String eventId, String learnerId, String questionId, JsonNode response,
                            Instant answeredAt, Long responseMs) {
}
