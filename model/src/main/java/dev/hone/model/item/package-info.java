/** Global item calibration (difficulty with its variance), shared by all learners. */
package dev.hone.model.item;
