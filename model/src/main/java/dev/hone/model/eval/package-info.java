/** Prequential metrics in fixed memory. */
package dev.hone.model.eval;
