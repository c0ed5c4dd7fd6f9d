/**
 * Item statistics: every learner's accepted answers to one question folded into its attempts,
 * right share, response time and calibrated difficulty. Plain Java, like the learner model.
 */
package dev.hone.recommender.item;
