package dev.hone.model.data;

/** Thrown in strict mode at the first row that cannot be read. */
public final class BadRowException extends RuntimeException {

    public BadRowException(BadRows.BadRow row) {
        super("bad row at " + row);
    }
}
