package dev.stonegarden.render.diag;

import static java.util.Objects.requireNonNull;

/**
 * One problem in the user's input, where it is and what is wrong.
 *
 * <p>Messages start in lower case, have no trailing period, and say what was expected and what was
 * found. They never contain secret values (generator literals, Secret data).
 */
public record Diagnostic(Severity severity, SourcePosition at, String message, boolean excerpt) {

  public Diagnostic {
    requireNonNull(severity, "severity == null");
    requireNonNull(at, "at == null");
    requireNonNull(message, "message == null");
  }

  /** A diagnostic whose source line may be shown under it. */
  public Diagnostic(Severity severity, SourcePosition at, String message) {
    this(severity, at, message, true);
  }

  /**
   * The same diagnostic, printed without its source line: the line holds a secret (a generator
   * literal, Secret data) or content that must not be shown (docs/robustness.md#secrets).
   */
  public Diagnostic withoutExcerpt() {
    return new Diagnostic(severity, at, message, false);
  }

  public static Diagnostic error(SourcePosition at, String message) {
    return new Diagnostic(Severity.ERROR, at, message);
  }

  public static Diagnostic warning(SourcePosition at, String message) {
    return new Diagnostic(Severity.WARNING, at, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: error: message}, the first line of the printed form. */
  @Override
  public String toString() {
    String where = at.toString();
    return (where.isEmpty() ? "" : where + ": ") + severity.label() + ": " + message;
  }
}
