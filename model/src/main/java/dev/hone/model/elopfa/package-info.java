/** The production model: logistic PFA/Best-LR features with forgetting, online Elo/Kalman abilities and item difficulty. */
package dev.hone.model.elopfa;
