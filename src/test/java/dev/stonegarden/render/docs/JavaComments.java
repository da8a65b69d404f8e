package dev.stonegarden.render.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The comments of a Java source file, line by line, found with a small lexer that knows string,
 * character and text-block literals (so {@code "// not a comment"} is not one).
 */
final class JavaComments {
  private JavaComments() {}

  /** One line of comment text and the line of the file it is on (1-based). */
  record Line(int line, String text) {}

  static List<Line> of(String source) {
    List<Line> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      char next = i + 1 < n ? source.charAt(i + 1) : '\0';
      if (c == '/' && next == '/') {
        int end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.add(new Line(line, source.substring(i + 2, end)));
        i = end;
      } else if (c == '/' && next == '*') {
        i += 2;
        while (i < n && !(source.charAt(i) == '*' && i + 1 < n && source.charAt(i + 1) == '/')) {
          if (source.charAt(i) == '\n') {
            out.add(new Line(line, current.toString()));
            current.setLength(0);
            line++;
          } else {
            current.append(source.charAt(i));
          }
          i++;
        }
        out.add(new Line(line, current.toString()));
        current.setLength(0);
        i += 2;
      } else if (c == '"' && source.startsWith("\"\"\"", i)) {
        i += 3;
        while (i < n && !source.startsWith("\"\"\"", i)) {
          if (source.charAt(i) == '\\') {
            i++;
          } else if (source.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
        i += 3;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else {
        if (c == '\n') {
          line++;
        }
        i++;
      }
    }
    return out;
  }
}
