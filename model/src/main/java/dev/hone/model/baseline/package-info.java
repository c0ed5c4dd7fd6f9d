/** The smoothed per-skill running accuracy: the yardstick. */
package dev.hone.model.baseline;
