package dev.stonegarden.render.appset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A faithful subset of Go's {@code text/template}, as the ApplicationSet controller runs it ({@code
 * goTemplate: true}, {@code goTemplateOptions: ["missingkey=error"]}): exactly what the generated
 * ApplicationSets use, and an error for everything else, so that a template outside the subset
 * fails the test instead of being expanded wrongly.
 *
 * <ul>
 *   <li>text, and actions {@code {{ ... }}} with Go's trim markers: {@code {{- } removes all white
 *       space (spaces, tabs, newlines) before the action, {@code -}}} all white space after it; a
 *       marker needs a space next to it ({@code {{-3}}} is a number in Go, an error here);
 *   <li>{@code {{.key}}} / {@code {{ .key }}}: the element's value; a missing key is an error
 *       ({@code missingkey=error}); only string values are printed (Go would print other types with
 *       {@code %v}, which the generated ApplicationSets never rely on);
 *   <li>{@code {{if PIPELINE}} … {{else}} … {{end}}}, where PIPELINE is {@code .key} (true when
 *       non-empty), or {@code eq A B} / {@code ne A B} with A and B each {@code .key} or a
 *       double-quoted string literal; comparing a string with anything but a string is an error, as
 *       in Go ("incompatible types for comparison").
 * </ul>
 */
final class GoTemplateSubset {
  private GoTemplateSubset() {}

  /** A template that cannot be executed (Go would fail at parse or execution time). */
  static final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateException(String message) {
      super(message);
    }
  }

  /** Executes {@code template} with {@code data} as dot. */
  static String execute(String template, Map<String, Object> data) {
    List<Token> tokens = lex(template);
    Parser p = new Parser(tokens);
    List<Node> nodes = p.nodes(false);
    if (p.pos != tokens.size()) {
      throw new TemplateException("unexpected {{" + tokens.get(p.pos).text + "}}");
    }
    StringBuilder out = new StringBuilder();
    for (Node n : nodes) {
      n.run(data, out);
    }
    return out.toString();
  }

  // ---- lexing: text and actions, trim markers applied to the neighbouring text

  private record Token(boolean action, String text) {}

  private static List<Token> lex(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < s.length()) {
      int open = s.indexOf("{{", i);
      if (open < 0) {
        text.append(s, i, s.length());
        break;
      }
      text.append(s, i, open);
      int close = s.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TemplateException("unclosed action");
      }
      String inner = s.substring(open + 2, close);
      boolean trimLeft = inner.startsWith("- ") || inner.equals("-");
      boolean trimRight = inner.endsWith(" -");
      if (inner.startsWith("-") && !trimLeft) {
        throw new TemplateException("unsupported action {{" + inner + "}}");
      }
      if (trimLeft) {
        inner = inner.substring(1);
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        text.setLength(end);
      }
      if (trimRight) {
        inner = inner.substring(0, inner.length() - 1);
      }
      if (!text.isEmpty()) {
        tokens.add(new Token(false, text.toString()));
      }
      text.setLength(0);
      tokens.add(new Token(true, inner.strip()));
      i = close + 2;
      if (trimRight) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
      }
    }
    if (!text.isEmpty()) {
      tokens.add(new Token(false, text.toString()));
    }
    return tokens;
  }

  // ---- parsing and execution

  private interface Node {
    void run(Map<String, Object> data, StringBuilder out);
  }

  private record Text(String text) implements Node {
    @Override
    public void run(Map<String, Object> data, StringBuilder out) {
      out.append(text);
    }
  }

  private record Field(String key) implements Node {
    @Override
    public void run(Map<String, Object> data, StringBuilder out) {
      Object v = lookup(data, key);
      if (!(v instanceof String s)) {
        throw new TemplateException("." + key + " is not a string: " + v);
      }
      out.append(s);
    }
  }

  private record If(List<String> condition, List<Node> then, List<Node> otherwise) implements Node {
    @Override
    public void run(Map<String, Object> data, StringBuilder out) {
      for (Node n : truth(condition, data) ? then : otherwise) {
        n.run(data, out);
      }
    }
  }

  private static final class Parser {
    final List<Token> tokens;
    int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    /** Nodes up to (not including) {@code else} or {@code end} when {@code inIf}. */
    List<Node> nodes(boolean inIf) {
      List<Node> nodes = new ArrayList<>();
      while (pos < tokens.size()) {
        Token t = tokens.get(pos);
        if (!t.action()) {
          nodes.add(new Text(t.text()));
          pos++;
          continue;
        }
        List<String> words = words(t.text());
        if (words.isEmpty()) {
          throw new TemplateException("missing value for command");
        }
        String first = words.get(0);
        if (first.equals("end") || first.equals("else")) {
          if (!inIf || words.size() != 1) {
            throw new TemplateException("unexpected {{" + t.text() + "}}");
          }
          return nodes;
        }
        pos++;
        if (first.equals("if")) {
          List<String> condition = words.subList(1, words.size());
          List<Node> then = nodes(true);
          List<Node> otherwise = List.of();
          if (pos < tokens.size() && tokens.get(pos).text().equals("else")) {
            pos++;
            otherwise = nodes(true);
          }
          if (pos >= tokens.size() || !tokens.get(pos).text().equals("end")) {
            throw new TemplateException("unexpected EOF: {{if}} without {{end}}");
          }
          pos++;
          nodes.add(new If(List.copyOf(condition), then, otherwise));
        } else if (words.size() == 1 && first.startsWith(".") && first.length() > 1) {
          nodes.add(new Field(first.substring(1)));
        } else {
          throw new TemplateException("unsupported action {{" + t.text() + "}}");
        }
      }
      if (inIf) {
        throw new TemplateException("unexpected EOF: {{if}} without {{end}}");
      }
      return nodes;
    }
  }

  /** Splits an action into words; a double-quoted literal (no escapes) is one word, quotes kept. */
  private static List<String> words(String action) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < action.length()) {
      char c = action.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        int end = action.indexOf('"', i + 1);
        if (end < 0 || action.substring(i + 1, end).contains("\\")) {
          throw new TemplateException("unsupported string literal in {{" + action + "}}");
        }
        words.add(action.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = action.indexOf(' ', i);
        end = end < 0 ? action.length() : end;
        words.add(action.substring(i, end));
        i = end;
      }
    }
    return words;
  }

  private static boolean truth(List<String> condition, Map<String, Object> data) {
    if (condition.size() == 1) {
      Object v = argument(condition.get(0), data);
      return v instanceof String s ? !s.isEmpty() : v != null && !Boolean.FALSE.equals(v);
    }
    if (condition.size() == 3 && (condition.get(0).equals("eq") || condition.get(0).equals("ne"))) {
      Object a = argument(condition.get(1), data);
      Object b = argument(condition.get(2), data);
      if (!(a instanceof String) || !(b instanceof String)) {
        throw new TemplateException("incompatible types for comparison: " + condition);
      }
      return condition.get(0).equals("eq") == a.equals(b);
    }
    throw new TemplateException("unsupported pipeline " + condition);
  }

  private static Object argument(String word, Map<String, Object> data) {
    if (word.startsWith("\"")) {
      return word.substring(1, word.length() - 1);
    }
    if (word.startsWith(".") && word.length() > 1) {
      return lookup(data, word.substring(1));
    }
    throw new TemplateException("unsupported argument " + word);
  }

  private static Object lookup(Map<String, Object> data, String key) {
    if (key.contains(".")) {
      throw new TemplateException("unsupported nested field ." + key);
    }
    if (!data.containsKey(key)) {
      throw new TemplateException("map has no entry for key \"" + key + "\"");
    }
    return data.get(key);
  }
}
