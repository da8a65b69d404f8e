package dev.stonegarden.render.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * The escapes {@code \L} (U+2028) and {@code \P} (U+2029) of a double-quoted scalar, which YAML and
 * go-yaml have and snakeyaml-engine refuses ({@code found unknown escape character L(76)}). Like
 * {@link Tabs}, a repair for the reader's retry: the refused escape is rewritten as the equivalent
 * six-character escape of U+2028 or U+2029 and the text parsed again (a later position on the same
 * line moves four columns to the right).
 */
final class LineSeparatorEscapes {
  private LineSeparatorEscapes() {}

  /**
   * {@code text} with the escape {@code e} refused rewritten, or null when {@code e} is another.
   */
  static String asGoYamlReadsThem(String text, MarkedYamlEngineException e) {
    Mark mark = e.getProblemMark().orElse(null);
    String problem = e.getProblem();
    if (mark == null || problem == null) {
      return null;
    }
    char letter;
    String replacement;
    if (problem.startsWith("found unknown escape character L(76)")) {
      letter = 'L';
      replacement = "\\u2028";
    } else if (problem.startsWith("found unknown escape character P(80)")) {
      letter = 'P';
      replacement = "\\u2029";
    } else {
      return null;
    }
    int cps = mark.getIndex();
    if (cps < 0 || cps > text.codePointCount(0, text.length())) {
      return null;
    }
    int at = text.offsetByCodePoints(0, cps);
    // the mark is at the escape's letter or at its backslash
    int backslash = at > 0 && at < text.length() && text.charAt(at) == letter ? at - 1 : at;
    if (backslash + 1 >= text.length()
        || text.charAt(backslash) != '\\'
        || text.charAt(backslash + 1) != letter) {
      return null;
    }
    return text.substring(0, backslash) + replacement + text.substring(backslash + 2);
  }
}
