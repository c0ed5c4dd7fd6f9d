/** Helpers shared by the models; not part of the API. */
package dev.hone.model.internal;
