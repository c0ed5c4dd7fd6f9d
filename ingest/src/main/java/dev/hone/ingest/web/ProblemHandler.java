package dev.hone.ingest.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.hone.ingest.kafka.AnswerPublisher;
import dev.hone.ingest.metrics.AnswerMetrics;
import dev.hone.ingest.metrics.AnswerMetrics.Reason;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error is an RFC 9457 problem body that names the fields at fault, with no stack trace
 * or internal class names in it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final AnswerMetrics metrics;

    ProblemHandler(AnswerMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return counted(request, Reason.TOO_LARGE, problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                List.of(new FieldError("body", "is larger than " + e.limitBytes() + " bytes"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return counted(request, Reason.UNSUPPORTED_MEDIA_TYPE, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                List.of(new FieldError("Content-Type", "must be application/json"))));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e, HttpServletRequest request) {
        ProblemDetail body = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                List.of(new FieldError(e.field(), "sent too many requests; retry after " + e.retryAfterSeconds() + " s")));
        if ("client".equals(e.field())) {
            counted(request, Reason.RATE_LIMITED, body); // a learner's limit is counted where answers are graded
        }
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(body);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge, request);
            }
        }
        Throwable cause = jacksonCause(e);
        boolean unknownField = cause instanceof UnrecognizedPropertyException;
        return counted(request, unknownField ? Reason.UNKNOWN_FIELD : Reason.MALFORMED, unreadable(cause));
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    List.of(new FieldError("body", "is nested too deeply or holds a value too long to read")));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    List.of(new FieldError(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof JsonParseException parse) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    List.of(new FieldError("body", "not valid JSON at line " + parse.getLocation().getLineNr()
                            + ", column " + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage())));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    List.of(new FieldError(path(mapping), "must be " + expected(mapping))));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                List.of(new FieldError("body", "is missing or not a JSON object of the expected shape")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldError(e.getName(), "has the wrong type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(AnswerPublisher.PublishFailedException.class)
    ResponseEntity<ProblemDetail> unavailable(AnswerPublisher.PublishFailedException e) {
        log.warn("answer not stored: {}", e.getMessage(), e.getCause());
        ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, "Answer not stored",
                List.of(new FieldError("body", "the event log is unavailable; resend with the same eventId")));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(body);
    }

    /** Counts a rejection of a request that wanted to store answers (a GET is not a rejected answer). */
    private ProblemDetail counted(HttpServletRequest request, Reason reason, ProblemDetail problem) {
        if ("POST".equals(request.getMethod())) {
            String path = request.getRequestURI();
            if (path.startsWith("/api/v1/answers") || path.startsWith("/xapi/statements")) {
                @SuppressWarnings("unchecked")
                List<FieldError> errors = (List<FieldError>) problem.getProperties().get("errors");
                errors.forEach(error -> metrics.rejected(error.field(), reason));
            }
        }
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setDetail(errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The outermost Jackson exception: it knows the field; deeper causes (e.g. DateTimeParseException) do not. */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return t;
            }
        }
        return e.getMostSpecificCause();
    }

    /** What a field should have been, in the client's terms rather than Java's. */
    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) {
            return "of the documented type";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant such as 2026-11-28T10:15:30Z";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "of the documented type";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
