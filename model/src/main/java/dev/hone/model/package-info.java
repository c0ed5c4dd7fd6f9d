/**
 * The learner model library (issue 5): the {@link dev.hone.model.LearnerModel} interface, learner state,
 * mastery, parameters and id indexes. Models live in sub-packages ({@code baseline}, {@code bkt},
 * {@code elopfa}), item calibration in {@code item}, the registry by name in {@code registry}, the CSV log in
 * {@code data}, metrics in {@code eval}, and the two commands in {@code replay} and {@code fit}.
 * Plain Java: no Spring, Kafka or JDBC, and no clock (time comes from the answers).
 */
package dev.hone.model;
