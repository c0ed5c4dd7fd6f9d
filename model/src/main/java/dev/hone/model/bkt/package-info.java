/** Bayesian knowledge tracing with forgetting, fitted per skill by MAP with BOBYQA. */
package dev.hone.model.bkt;
