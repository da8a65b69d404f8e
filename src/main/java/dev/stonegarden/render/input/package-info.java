/**
 * Files parsed once per run: {@link dev.stonegarden.render.input.ParsedFiles}, shared by the
 * renders of one {@code generate --all} or {@code diff} run (what a render reads is recorded in
 * {@link dev.stonegarden.render.pipeline.ReadLog}).
 */
package dev.stonegarden.render.input;
