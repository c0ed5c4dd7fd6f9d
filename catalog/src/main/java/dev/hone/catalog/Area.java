package dev.hone.catalog;

/** One of the nine areas that group the topics. */
public record Area(String id, String name) {
}
