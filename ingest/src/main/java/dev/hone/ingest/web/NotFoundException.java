package dev.hone.ingest.web;

/** A named thing does not exist; answered with 404 naming the field. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
