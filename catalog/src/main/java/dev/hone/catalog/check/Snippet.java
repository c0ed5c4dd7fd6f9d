package dev.hone.catalog.check;

/** A code_output question's snippet and key, with where to report a mismatch. */
record Snippet(String file, int line, String questionId, String code, String key) {
}
