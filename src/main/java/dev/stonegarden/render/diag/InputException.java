package dev.stonegarden.render.diag;

import java.util.List;

/**
 * Thrown for problems in the user's input, never for bugs. The CLI prints its diagnostics and exits
 * with code 3; anything else that escapes is an internal error (exit 4).
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public InputException(List<Diagnostic> diagnostics) {
    super(
        diagnostics.isEmpty() ? "invalid input" : diagnostics.get(0).toString(),
        null,
        false,
        false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("an InputException needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** One error at one place. */
  public InputException(SourcePosition at, String message) {
    this(List.of(Diagnostic.error(at, message)));
  }

  /** All diagnostics, errors and warnings, in the order they were found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
