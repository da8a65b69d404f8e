package dev.stonegarden.render.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Tabs that go-yaml reads as whitespace but snakeyaml-engine rejects ("found character '\t' that
 * cannot start any token"): after a {@code :} ({@code key:<TAB>value}, {@code spec:<TAB>} at the
 * end of a line, seen in argo-cd's example apps) and in flow collections (tab-indented JSON, where
 * snakeyaml skips one leading tab but not two). The reader turns them into spaces and parses again.
 *
 * <p>Only whitespace that lies between tokens is touched, so no value changes: the run of blanks
 * where snakeyaml stopped, and, when the whole document is a flow collection, the indentation of
 * the following lines (leading blanks of a line inside a flow collection are never content: even in
 * a multi-line quoted scalar they fold away). Tabs that indent block YAML stay errors, as in
 * go-yaml.
 */
final class Tabs {
  private Tabs() {}

  /**
   * {@code text} with the offending blanks turned into spaces, or null when go-yaml rejects it too.
   */
  static String asGoYamlReadsThem(
      String text, MarkedYamlEngineException e, boolean inFlow, boolean rootFlow) {
    Mark mark = e.getProblemMark().orElse(null);
    String problem = e.getProblem();
    if (mark == null || problem == null || !problem.contains("cannot start any token")) {
      return null;
    }
    int cps = mark.getIndex();
    if (cps < 0 || cps >= text.codePointCount(0, text.length())) {
      return null;
    }
    int at = text.offsetByCodePoints(0, cps);
    int from = at;
    while (from > 0 && blank(text.charAt(from - 1))) {
      from--;
    }
    int to = at;
    while (to < text.length() && blank(text.charAt(to))) {
      to++;
    }
    if (to == at || text.substring(from, to).indexOf('\t') < 0) {
      return null; // not a blank run with a tab in it
    }
    if (!inFlow && jsonDocument(text, at)) {
      // The scanner runs ahead of the events: the first '{' may not have reached us yet.
      inFlow = true;
      rootFlow = true;
    }
    if (!inFlow && (from == 0 || text.charAt(from - 1) != ':')) {
      return null; // block context: only "key:<TAB>" is whitespace to go-yaml
    }
    StringBuilder sb = new StringBuilder(text);
    for (int i = from; i < to; i++) {
      sb.setCharAt(i, ' ');
    }
    if (inFlow && rootFlow) {
      // A JSON document: untab the indentation of the rest of it (up to a document marker).
      int i = text.indexOf('\n', to);
      while (i >= 0 && i + 1 < text.length()) {
        int line = i + 1;
        if (text.startsWith("---", line) || text.startsWith("...", line)) {
          break;
        }
        int j = line;
        while (j < text.length() && blank(text.charAt(j))) {
          sb.setCharAt(j, ' ');
          j++;
        }
        i = text.indexOf('\n', j);
      }
    }
    return sb.toString();
  }

  /** Whether the document holding offset {@code at} starts with '{' or '[' (comments aside). */
  static boolean jsonDocument(String text, int at) {
    int start = text.lastIndexOf("\n---", at);
    int i = start < 0 ? 0 : start + 4;
    while (i < at) {
      char c = text.charAt(i);
      if (blank(c) || c == '\n' || c == '\r') {
        i++;
      } else if (c == '#' || c == '%') {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? at : nl + 1;
      } else if (text.startsWith("---", i) && (i == 0 || text.charAt(i - 1) == '\n')) {
        i += 3;
      } else {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }
}
