/** The fit command: writes the models' global parameters. */
package dev.hone.model.fit;
