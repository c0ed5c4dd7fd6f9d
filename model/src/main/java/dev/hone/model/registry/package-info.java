/** The models by name, built from a parameters file, and their fitting. */
package dev.hone.model.registry;
