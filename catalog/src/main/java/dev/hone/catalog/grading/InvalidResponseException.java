package dev.hone.catalog.grading;

/** The response does not fit the question (wrong shape, unknown option); says which field and why. */
public class InvalidResponseException extends RuntimeException {

    private final String field;

    public InvalidResponseException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
