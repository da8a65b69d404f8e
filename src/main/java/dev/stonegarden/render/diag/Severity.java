package dev.stonegarden.render.diag;

import java.util.Locale;

/**
 * How bad a {@link Diagnostic} is: errors stop the render, warnings are printed and let it go on.
 */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed after the position, as compilers print it: {@code error}, {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
