package dev.hone.ingest.web;

/** One reason a request was rejected: which field, and why. */
public record FieldError(String field, String reason) {
}
