package dev.stonegarden.render.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics so that a step can report every problem of its input at once, then {@link
 * #throwIfErrors() throw} once. Warnings are kept and handed on to the printer with the result.
 */
public final class Problems {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Problems error(SourcePosition at, String message) {
    diagnostics.add(Diagnostic.error(at, message));
    return this;
  }

  public Problems warning(SourcePosition at, String message) {
    diagnostics.add(Diagnostic.warning(at, message));
    return this;
  }

  public Problems add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
    return this;
  }

  public Problems addAll(List<Diagnostic> more) {
    diagnostics.addAll(more);
    return this;
  }

  /**
   * Runs {@code step}; if it throws an {@link InputException}, keeps its diagnostics and goes on.
   */
  public void collect(Runnable step) {
    try {
      step.run();
    } catch (InputException e) {
      diagnostics.addAll(e.diagnostics());
    }
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> all() {
    return List.copyOf(diagnostics);
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  /** Throws every diagnostic collected so far (warnings included) if any of them is an error. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new InputException(diagnostics);
    }
  }
}
