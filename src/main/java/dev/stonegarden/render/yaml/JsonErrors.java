package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's JSON parse errors as diagnostics: always at a line and column, and worded without
 * Jackson's own names ({@code StreamReadConstraints.getMaxNestingDepth()}).
 */
public final class JsonErrors {
  private JsonErrors() {}

  /** Jackson's message without the Java method it names. */
  public static String message(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "invalid JSON";
    }
    return m.replaceAll(", from `[^`]*`", "").replaceAll(" \\(from `[^`]*`\\)", "");
  }

  /**
   * Where the error is in {@code text}, the content of {@code file}: Jackson's location when it has
   * one; for the nesting limit, which Jackson reports without one, the bracket that goes one level
   * too deep.
   */
  public static SourcePosition position(Path file, String text, JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() >= 1) {
      return new SourcePosition(file, loc.getLineNr(), Math.max(loc.getColumnNr(), 1));
    }
    if (e instanceof StreamConstraintsException) {
      SourcePosition deep =
          tooDeep(file, text, StreamReadConstraints.defaults().getMaxNestingDepth());
      if (deep != null) {
        return deep;
      }
    }
    return SourcePosition.of(file);
  }

  /** The first '[' or '{' outside strings at nesting depth {@code max + 1}, or null. */
  static SourcePosition tooDeep(Path file, String text, int max) {
    int depth = 0;
    int line = 1;
    int column = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
        continue;
      }
      if (inString) {
        if (c == '\\') {
          i++;
          column++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > max) {
          return new SourcePosition(file, line, column);
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return null;
  }
}
