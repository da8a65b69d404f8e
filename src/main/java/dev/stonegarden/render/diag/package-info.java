/**
 * Diagnostics: where a problem is ({@link dev.stonegarden.render.diag.SourcePosition}), what it is
 * ({@link dev.stonegarden.render.diag.Diagnostic}), collecting every problem of a step before
 * failing once ({@link dev.stonegarden.render.diag.Problems}), and printing them the way compilers
 * do ({@link dev.stonegarden.render.diag.DiagnosticPrinter}, after google-java-format's {@code
 * FormatterDiagnostic}). Inside the layers, before the file is known, problems are values: a {@link
 * dev.stonegarden.render.diag.Checked} holds a value or the {@link
 * dev.stonegarden.render.diag.Problem}s found instead. At the boundary, input problems travel as
 * {@link dev.stonegarden.render.diag.InputException}; anything else that escapes is a bug.
 */
package dev.stonegarden.render.diag;
