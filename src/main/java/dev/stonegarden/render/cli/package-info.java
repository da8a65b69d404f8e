/**
 * The command line: picocli commands, wired once in {@link dev.stonegarden.render.cli.Cli}, with
 * the exit codes (docs/rendering.md#diagnostics-and-exit-codes) in {@link
 * dev.stonegarden.render.cli.ExitCode}. The only package that touches {@code System.out/err}, the
 * process environment and {@code System.exit} (in {@link dev.stonegarden.render.cli.Main});
 * commands reach the outside world through {@link dev.stonegarden.render.cli.Invocation}, so tests
 * run the whole tool in process.
 */
package dev.stonegarden.render.cli;
