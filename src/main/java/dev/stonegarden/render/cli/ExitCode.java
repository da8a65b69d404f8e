package dev.stonegarden.render.cli;

/** The exit codes (docs/rendering.md#diagnostics-and-exit-codes), in one place. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** {@code diff} only: differences found. */
  public static final int DIFFERENCES = 1;

  /** The command line was wrong (picocli's usage error code). */
  public static final int USAGE = 2;

  /** The input was invalid; the diagnostics on stderr say why. */
  public static final int INVALID_INPUT = 3;

  /** A bug: one line on stderr, the stack trace with {@code --debug}. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
