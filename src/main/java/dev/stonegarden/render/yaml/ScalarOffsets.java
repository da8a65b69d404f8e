package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.DiagnosticPrinter;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.diag.SourcePosition;
import java.util.List;

/**
 * Positions inside a scalar: where character {@code offset} of a string value is in its file, for
 * diagnostics that point into a query or a condition. Exact for a plain or quoted scalar on one
 * line without escapes before the offset; otherwise (block scalars, folded lines, escapes) the
 * scalar's own position, never a wrong line. Reads the file's lines the way the diagnostic printer
 * does, so only for diagnostics.
 */
public final class ScalarOffsets {
  private ScalarOffsets() {}

  /**
   * Where {@code problem}, found in the scalar {@code value} that starts at {@code start}, is: at
   * its offset for a {@link Problem.InText}, else the scalar itself.
   */
  public static SourcePosition of(SourcePosition start, String value, Problem problem) {
    return problem instanceof Problem.InText t ? inside(start, value, t.offset()) : start;
  }

  /**
   * @param start where the scalar starts (its value position)
   * @param value the scalar's value
   * @param offset a character offset into {@code value}
   */
  public static SourcePosition inside(SourcePosition start, String value, int offset) {
    if (!start.hasFile() || start.line() <= 0 || start.column() <= 0 || offset < 0) {
      return start;
    }
    List<String> lines = DiagnosticPrinter.sourceLines(start.file());
    if (start.line() > lines.size()) {
      return start;
    }
    String line = lines.get(start.line() - 1);
    int first = start.column() - 1; // 0-based index of the scalar's first character
    if (first >= line.length()) {
      return start;
    }
    char c = line.charAt(first);
    int contentStart = c == '"' || c == '\'' ? first + 1 : first;
    if (c == '|' || c == '>') {
      return start;
    }
    int end = contentStart + offset;
    // The text before the offset must be exactly the value's: no escapes, no line folding.
    String prefix = value.substring(0, Math.min(offset, value.length()));
    if (end > line.length() || !line.startsWith(prefix, contentStart)) {
      return start;
    }
    return new SourcePosition(start.file(), start.line(), end + 1);
  }
}
