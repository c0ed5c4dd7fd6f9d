package dev.hone.catalog;

/** One point a good answer to a self-assessed question covers. */
public record RubricPoint(String id, String text) {
}
