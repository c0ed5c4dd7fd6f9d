package dev.hone.catalog;

/** A choice of a single or multi choice question; {@code why} explains why a distractor is wrong. */
public record QuestionOption(String id, String text, String why) {
}
