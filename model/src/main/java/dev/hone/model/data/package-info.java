/** Reading interaction logs (CSV) fast, with bad-row accounting. */
package dev.hone.model.data;
