/**
 * What a render reads: {@link dev.stonegarden.render.input.InputFiles}, the record of every file a
 * render read or looked for (what {@code diff} uses to decide which services a change touches, see
 * docs/ci.md), and {@link dev.stonegarden.render.input.ParsedFiles}, the files parsed once and
 * shared by the renders of one {@code generate --all} or {@code diff} run.
 */
package dev.stonegarden.render.input;
