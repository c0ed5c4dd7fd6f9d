package dev.hone.analytics.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * Every {@link InvalidRequestException} of the analytics API gets the same 400 problem body, the one
 * ingest gives too: {@code detail} "field: reason", and {@code errors} naming the field and its rule.
 */
@RestControllerAdvice
class InvalidRequestAdvice {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.reason())));
        return problem;
    }
}
