package dev.stonegarden.render.resource;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in its string form ({@code apimachinery labels.Parse}), as kustomize
 * uses it for {@code labelSelector} and {@code annotationSelector} of patch targets and of
 * replacement sources and targets: requirements separated by commas, each {@code key}, {@code
 * !key}, {@code key=v}, {@code key==v}, {@code key!=v}, {@code key in (a,b)}, {@code key notin
 * (a,b)}, {@code key>n} or {@code key<n}; all must hold (docs/kustomize.md#patch-targets).
 */
public final class LabelSelector {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private enum Op {
    EXISTS,
    NOT_EXISTS,
    IN,
    NOT_IN,
    GT,
    LT
  }

  private record Requirement(String key, Op op, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      switch (op) {
        case EXISTS:
          return v != null;
        case NOT_EXISTS:
          return v == null;
        case IN:
          return v != null && values.contains(v);
        case NOT_IN:
          return v == null || !values.contains(v);
        default:
          if (v == null) {
            return false;
          }
          long have;
          try {
            have = Long.parseLong(v);
          } catch (NumberFormatException e) {
            return false;
          }
          long want = Long.parseLong(values.get(0));
          return op == Op.GT ? have > want : have < want;
      }
    }
  }

  private final String text;
  private final List<Requirement> requirements;

  private LabelSelector(String text, List<Requirement> requirements) {
    this.text = text;
    this.requirements = requirements;
  }

  /**
   * Parses a selector; the empty string selects everything. A text that is not a selector is a
   * {@link Problem.InValue} with a message for the user (it names the selector and the column).
   */
  public static Checked<LabelSelector> parse(String text) {
    return Checked.of(new Parser(text == null ? "" : text)::parse);
  }

  /** True when every requirement holds for these labels (or annotations). */
  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * A small hand-written lexer/parser over the selector grammar of apimachinery; its first problem
   * escapes it ({@link Checked.Escape}) to {@link LabelSelector#parse(String)}.
   */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    LabelSelector parse() {
      List<Requirement> out = new ArrayList<>();
      skipSpace();
      if (pos == s.length()) {
        return new LabelSelector(s, out);
      }
      while (true) {
        out.add(requirement());
        skipSpace();
        if (pos == s.length()) {
          break;
        }
        expect(',');
      }
      return new LabelSelector(s, out);
    }

    private Requirement requirement() {
      skipSpace();
      if (peek() == '!') {
        pos++;
        String key = key();
        return new Requirement(key, Op.NOT_EXISTS, List.of());
      }
      String key = key();
      skipSpace();
      if (pos == s.length() || peek() == ',') {
        return new Requirement(key, Op.EXISTS, List.of());
      }
      char c = peek();
      if (c == '=' || c == '!') {
        boolean not = c == '!';
        pos++;
        if (not) {
          expect('=');
        } else if (peek() == '=') {
          pos++;
        }
        String value = value();
        return new Requirement(key, not ? Op.NOT_IN : Op.IN, List.of(value));
      }
      if (c == '>' || c == '<') {
        pos++;
        String value = value();
        try {
          Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw fail("expected an integer after '" + c + "' but found '" + value + "'");
        }
        return new Requirement(key, c == '>' ? Op.GT : Op.LT, List.of(value));
      }
      String word = word();
      if (word.equals("in") || word.equals("notin")) {
        skipSpace();
        expect('(');
        List<String> values = new ArrayList<>();
        skipSpace();
        if (peek() != ')') {
          while (true) {
            values.add(value());
            skipSpace();
            if (peek() == ',') {
              pos++;
              continue;
            }
            break;
          }
        } else {
          values.add("");
        }
        expect(')');
        return new Requirement(key, word.equals("in") ? Op.IN : Op.NOT_IN, values);
      }
      throw fail(
          "expected one of '=', '==', '!=', 'in', 'notin', '>', '<' after key '"
              + key
              + "' but found '"
              + (word.isEmpty() ? String.valueOf(c) : word)
              + "'");
    }

    private String key() {
      skipSpace();
      String k = word();
      if (k.isEmpty()) {
        throw fail(
            "expected a label key but found "
                + (pos == s.length() ? "the end" : "'" + peek() + "'"));
      }
      int slash = k.indexOf('/');
      String name = slash < 0 ? k : k.substring(slash + 1);
      String prefix = slash < 0 ? null : k.substring(0, slash);
      if (name.length() > 63
          || !NAME.matcher(name).matches()
          || (prefix != null
              && (prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()))) {
        throw fail("invalid label key '" + k + "'");
      }
      return k;
    }

    private String value() {
      skipSpace();
      String v = word();
      if (v.length() > 63 || !VALUE.matcher(v).matches()) {
        throw fail("invalid label value '" + v + "'");
      }
      return v;
    }

    /** A run of characters that are not space, ',', '=', '!', '(', ')', '<', '>'. */
    private String word() {
      int start = pos;
      while (pos < s.length() && " \t\n\r,=!()<>".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos);
    }

    private void expect(char c) {
      skipSpace();
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw fail(
            "expected '"
                + c
                + "' but found "
                + (pos >= s.length() ? "the end" : "'" + s.charAt(pos) + "'"));
      }
      pos++;
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private Checked.Escape fail(String message) {
      return new Checked.Escape(
          new Problem.InValue(
              String.format(
                  Locale.ROOT, "invalid selector \"%s\" at column %d: %s", s, pos + 1, message)));
    }
  }
}
