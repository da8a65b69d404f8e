package dev.stonegarden.render.promql;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * PromQL's tokens with their offsets (Prometheus {@code promql/parser/lex.go}, the subset here).
 */
final class Lexer {
  enum Kind {
    IDENT,
    NUMBER,
    DURATION,
    STRING,
    OP,
    EOF
  }

  record Token(Kind kind, String text, String value, int offset) {
    boolean is(String s) {
      return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
    }

    String describe() {
      return switch (kind) {
        case EOF -> "end of input";
        case STRING -> "string " + text;
        case NUMBER -> "number " + text;
        case DURATION -> "duration " + text;
        default -> "\"" + text + "\"";
      };
    }
  }

  private static final List<String> OPERATORS =
      List.of(
          "==", "!=", "=~", "!~", "<=", ">=", "(", ")", "{", "}", "[", "]", ",", "=", "<", ">", "+",
          "-", "*", "/", "%", "^", ":", "@");

  private final String s;
  private int i;
  // Inside [...] a colon separates a subquery's range and step; elsewhere it is part of a name.
  private int brackets;

  private Lexer(String s) {
    this.s = s;
  }

  /** The tokens of {@code query}, ending with {@link Kind#EOF}, or its first problem. */
  static Checked<List<Token>> tokens(String query) {
    return Checked.of(new Lexer(query)::scanAll);
  }

  /**
   * Every token; the first problem escapes the scanning methods ({@link Checked.Escape}) to {@link
   * #tokens}.
   */
  private List<Token> scanAll() {
    List<Token> out = new ArrayList<>();
    while (true) {
      Token t = next();
      out.add(t);
      if (t.kind() == Kind.EOF) {
        return out;
      }
    }
  }

  private Token next() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    if (i >= s.length()) {
      return new Token(Kind.EOF, "", "", s.length());
    }
    int start = i;
    char c = s.charAt(i);
    if (isDigit(c) || c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
      return number(start);
    }
    if (c == ':' && brackets > 0) {
      i++;
      return new Token(Kind.OP, ":", ":", start);
    }
    if (Character.isLetter(c) && c < 128 || c == '_' || c == ':') {
      while (i < s.length() && isIdentPart(s.charAt(i))) {
        i++;
      }
      String text = s.substring(start, i);
      return new Token(Kind.IDENT, text, text, start);
    }
    if (c == '"' || c == '\'' || c == '`') {
      return string(start, c);
    }
    for (String op : OPERATORS) {
      if (s.startsWith(op, i)) {
        i += op.length();
        if (op.equals("[")) {
          brackets++;
        } else if (op.equals("]") && brackets > 0) {
          brackets--;
        }
        return new Token(Kind.OP, op, op, start);
      }
    }
    throw new Checked.Escape(new Problem.InText(start, "unexpected character \"" + c + "\""));
  }

  private Token number(int start) {
    if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
      i += 2;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
        i++;
      }
      return new Token(Kind.NUMBER, s.substring(start, i), s.substring(start, i), start);
    }
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    // A duration: digits and a unit, repeated (1h30m); ms before m.
    if (i < s.length() && "smhdwy".indexOf(s.charAt(i)) >= 0) {
      i = start;
      while (i < s.length() && isDigit(s.charAt(i))) {
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
        if (s.startsWith("ms", i)) {
          i += 2;
        } else if (i < s.length() && "smhdwy".indexOf(s.charAt(i)) >= 0) {
          i++;
        } else {
          throw new Checked.Escape(
              new Problem.InText(i, "bad duration: a number needs a unit (ms, s, m, h, d, w, y)"));
        }
      }
      if (i < s.length() && isIdentPart(s.charAt(i)) && s.charAt(i) != ':') {
        throw new Checked.Escape(
            new Problem.InText(start, "bad duration \"" + s.substring(start, i + 1) + "\""));
      }
      return new Token(Kind.DURATION, s.substring(start, i), s.substring(start, i), start);
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int e = i;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        throw new Checked.Escape(
            new Problem.InText(e, "bad number \"" + s.substring(start, i) + "\""));
      }
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < s.length() && isIdentPart(s.charAt(i))) {
      throw new Checked.Escape(
          new Problem.InText(
              start, "bad number or duration \"" + s.substring(start, i + 1) + "\""));
    }
    return new Token(Kind.NUMBER, s.substring(start, i), s.substring(start, i), start);
  }

  private Token string(int start, char quote) {
    i++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (i >= s.length() || quote != '`' && s.charAt(i) == '\n') {
        throw new Checked.Escape(new Problem.InText(start, "unterminated string"));
      }
      char c = s.charAt(i);
      if (c == quote) {
        i++;
        return new Token(Kind.STRING, s.substring(start, i), value.toString(), start);
      }
      if (c == '\\' && quote != '`') {
        escape(value);
      } else {
        value.append(c);
        i++;
      }
    }
  }

  /** Go's escapes in interpreted strings (strconv.Unquote): Prometheus unquotes with it. */
  private void escape(StringBuilder value) {
    int at = i;
    if (i + 1 >= s.length()) {
      throw new Checked.Escape(new Problem.InText(at, "unterminated string"));
    }
    char e = s.charAt(i + 1);
    i += 2;
    switch (e) {
      case 'a' -> value.append('\u0007');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'n' -> value.append('\n');
      case 'r' -> value.append('\r');
      case 't' -> value.append('\t');
      case 'v' -> value.append('\u000b');
      case '\\', '"', '\'' -> value.append(e);
      case 'x' -> value.append((char) hex(2, at));
      case 'u' -> value.appendCodePoint(hex(4, at));
      case 'U' -> value.appendCodePoint(hex(8, at));
      default -> {
        if (e >= '0' && e <= '7') {
          i -= 1;
          int v = 0;
          for (int k = 0; k < 3; k++) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '7') {
              throw new Checked.Escape(new Problem.InText(at, "bad octal escape in string"));
            }
            v = v * 8 + (s.charAt(i++) - '0');
          }
          value.append((char) v);
        } else {
          throw new Checked.Escape(
              new Problem.InText(at, "unknown escape sequence \\" + e + " in string"));
        }
      }
    }
  }

  private int hex(int digits, int at) {
    if (i + digits > s.length()) {
      throw new Checked.Escape(new Problem.InText(at, "bad escape in string"));
    }
    int v = 0;
    for (int k = 0; k < digits; k++) {
      int d = Character.digit(s.charAt(i++), 16);
      if (d < 0) {
        throw new Checked.Escape(new Problem.InText(at, "bad escape in string"));
      }
      v = v * 16 + d;
    }
    if (!Character.isValidCodePoint(v)) {
      throw new Checked.Escape(new Problem.InText(at, "bad escape in string"));
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentPart(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == ':');
  }
}
