/** The replay command: prequential evaluation of models on a log. */
package dev.hone.model.replay;
