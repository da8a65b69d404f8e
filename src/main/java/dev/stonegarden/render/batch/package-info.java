/**
 * Many renders in one process: every environment of every service below a root, in parallel ({@link
 * dev.stonegarden.render.batch.BatchRenderer}), each shared file parsed once, and the output tree
 * of {@code generate --all} published as a whole ({@link dev.stonegarden.render.batch.OutputTree}).
 * {@code diff} renders both sides through it.
 */
package dev.stonegarden.render.batch;
