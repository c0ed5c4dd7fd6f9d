/** The learner model library (see issue 5). */
package dev.hone.model;
