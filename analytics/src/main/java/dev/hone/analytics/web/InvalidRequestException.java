package dev.hone.analytics.web;

/** A request the API cannot read: one field broke its rule. {@link InvalidRequestAdvice} answers it with a 400. */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
