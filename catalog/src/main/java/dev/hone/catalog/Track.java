package dev.hone.catalog;

/** A role track a learner prepares for: general, web, data-ml, senior. */
public record Track(String id, String name) {
}
