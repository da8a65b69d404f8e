package dev.stonegarden.render.analysis;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an Argo Rollouts analysis condition the way expr-lang compiles it in Argo Rollouts' {@code
 * utils/evaluate} ({@code expr.Compile(condition, expr.Env(env))}): the syntax of expr-lang
 * (literals, {@code result[0]}, member access, calls, closures with {@code #}, unary and binary
 * operators with expr-lang's precedence, {@code not in}, ternaries, pipes, arrays and maps), names
 * limited to what Argo's environment defines ({@code result}, {@code asInt}, {@code asFloat},
 * {@code isNaN}, {@code isInf}, {@code isNil}, {@code default}) and expr-lang's built-in functions,
 * and a result that can be a bool. The first problem is reported with its offset in the condition
 * ({@link Problem.InText}); nothing is evaluated.
 */
public final class ConditionCheck {
  /** What Argo Rollouts puts in a condition's environment. */
  static final Set<String> ARGO_NAMES =
      Set.of("result", "asInt", "asFloat", "isNaN", "isInf", "isNil", "default");

  /** expr-lang 1.17's built-in functions (its {@code builtin/builtin.go}). */
  static final Set<String> BUILTINS =
      Set.of(
          "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "count",
          "sum",
          "groupBy",
          "sortBy",
          "reduce",
          "len",
          "type",
          "abs",
          "ceil",
          "floor",
          "round",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "splitAfter",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "max",
          "min",
          "mean",
          "median",
          "toJSON",
          "fromJSON",
          "now",
          "duration",
          "date",
          "timezone",
          "first",
          "last",
          "get",
          "take",
          "keys",
          "values",
          "toPairs",
          "fromPairs",
          "reverse",
          "uniq",
          "concat",
          "flatten",
          "sort",
          "bitand",
          "bitor",
          "bitxor",
          "bitnand",
          "bitshl",
          "bitshr",
          "bitushr",
          "bitnot");

  /** Functions whose result is a bool (for the "can this be true or false" check). */
  private static final Set<String> PREDICATES =
      Set.of("isNaN", "isInf", "isNil", "all", "none", "any", "one", "hasPrefix", "hasSuffix");

  private static final List<List<String>> BINARY =
      List.of(
          List.of("|"),
          List.of("or", "||"),
          List.of("and", "&&"),
          List.of(
              "==",
              "!=",
              "<",
              ">",
              ">=",
              "<=",
              "in",
              "matches",
              "contains",
              "startsWith",
              "endsWith"),
          List.of(".."),
          List.of("+", "-"),
          List.of("*", "/", "%"),
          List.of("**", "^"),
          List.of("??"));

  private static final Set<String> BOOLEAN_OPERATORS =
      Set.of(
          "or",
          "||",
          "and",
          "&&",
          "==",
          "!=",
          "<",
          ">",
          ">=",
          "<=",
          "in",
          "matches",
          "contains",
          "startsWith",
          "endsWith");

  private record Token(String kind, String text, int offset) {
    boolean is(String s) {
      return !kind.equals("string") && text.equals(s);
    }
  }

  /** What an expression is, as far as the bool check needs. */
  private enum Shape {
    BOOL,
    NOT_BOOL,
    UNKNOWN
  }

  private final List<Token> tokens;
  private int pos;

  private ConditionCheck(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * {@code condition} when expr-lang would compile it, else its first problem ({@link
   * Problem.InText}, the offset in {@code condition}).
   */
  public static Checked<String> check(String condition) {
    return Checked.of(() -> compiled(condition));
  }

  /**
   * {@code condition}; its first problem escapes the tokenizer and the recursive descent ({@link
   * Checked.Escape}) to {@link #check}.
   */
  private static String compiled(String condition) {
    ConditionCheck c = new ConditionCheck(tokens(condition));
    if (c.peek().kind().equals("eof")) {
      throw new Checked.Escape(new Problem.InText(0, "the condition is empty"));
    }
    Shape s = c.expression(0);
    if (!c.peek().kind().equals("eof")) {
      throw c.unexpected();
    }
    if (s == Shape.NOT_BOOL) {
      throw new Checked.Escape(
          new Problem.InText(
              0,
              "the condition is not true or false (Argo Rollouts expects a bool, e.g. result[0] < 1)"));
    }
    return condition;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token take() {
    return tokens.get(pos++);
  }

  private Checked.Escape unexpected() {
    Token t = peek();
    return new Checked.Escape(
        new Problem.InText(
            t.offset(),
            t.kind().equals("eof")
                ? "unexpected end of the condition"
                : "unexpected token "
                    + (t.kind().equals("string") ? t.text() : "\"" + t.text() + "\"")));
  }

  private void expect(String s) {
    if (!peek().is(s)) {
      Token t = peek();
      throw new Checked.Escape(
          new Problem.InText(
              t.offset(),
              "expected \""
                  + s
                  + "\" but found "
                  + (t.kind().equals("eof") ? "the end" : "\"" + t.text() + "\"")));
    }
    take();
  }

  private static int precedence(Token t) {
    if (t.kind().equals("string") || t.kind().equals("number")) {
      return -1;
    }
    for (int p = 0; p < BINARY.size(); p++) {
      if (BINARY.get(p).contains(t.text())) {
        return p;
      }
    }
    return -1;
  }

  private Shape expression(int min) {
    Shape left = unary();
    while (true) {
      Token t = peek();
      boolean negated = false;
      if (t.is("not")
          && List.of("in", "matches", "contains", "startsWith", "endsWith")
              .contains(peek(1).text())) {
        negated = true;
        t = peek(1);
      }
      int p = precedence(t);
      if (p < 0 || p < min) {
        break;
      }
      take();
      if (negated) {
        take();
      }
      boolean right = t.is("**") || t.is("^");
      if (t.is("|")) {
        pipe();
        left = Shape.UNKNOWN;
        continue;
      }
      expression(right ? p : p + 1);
      left = BOOLEAN_OPERATORS.contains(t.text()) ? Shape.BOOL : Shape.NOT_BOOL;
      if (t.is("??")) {
        left = Shape.UNKNOWN;
      }
    }
    if (min == 0 && peek().is("?")) {
      take();
      expression(0);
      expect(":");
      expression(0);
      return Shape.UNKNOWN;
    }
    return left;
  }

  /** {@code x | f(args)}: the right side must be a call. */
  private void pipe() {
    Token name = peek();
    if (!name.kind().equals("ident")) {
      throw unexpected();
    }
    take();
    checkFunction(name);
    arguments();
    postfix();
  }

  private Shape unary() {
    Token t = peek();
    if (t.is("not") || t.is("!")) {
      take();
      expression(6); // expr-lang's unary "not"/"!" binds tighter than comparisons (50 > 20)
      return Shape.BOOL;
    }
    if (t.is("-") || t.is("+")) {
      take();
      expression(7);
      return Shape.NOT_BOOL;
    }
    boolean result = peek().is("result") && !peek(1).is("(");
    Shape s = primary();
    String after = postfix();
    if (after.isEmpty()) {
      return s;
    }
    // A Prometheus result is a []float64 (or a float64): result and result[i] are numbers.
    return result && after.equals("index") ? Shape.NOT_BOOL : Shape.UNKNOWN;
  }

  /**
   * Member access, indexing, slices, optional chaining: "" when there was none, "index" when only
   * indexes, else "other".
   */
  private String postfix() {
    String kind = "";
    while (true) {
      if (peek().is(".") || peek().is("?.")) {
        take();
        if (!peek().kind().equals("ident")) {
          throw unexpected();
        }
        take();
        if (peek().is("(")) {
          arguments();
        }
        kind = "other";
      } else if (peek().is("[")) {
        take();
        if (kind.isEmpty()) {
          kind = "index";
        }
        if (peek().is(":")) {
          kind = "other";
          take();
          if (!peek().is("]")) {
            expression(0);
          }
        } else {
          expression(0);
          if (peek().is(":")) {
            kind = "other";
            take();
            if (!peek().is("]")) {
              expression(0);
            }
          }
        }
        expect("]");
      } else {
        return kind;
      }
    }
  }

  private Shape primary() {
    Token t = take();
    switch (t.kind()) {
      case "number", "string" -> {
        return Shape.NOT_BOOL;
      }
      case "eof" ->
          throw new Checked.Escape(
              new Problem.InText(t.offset(), "unexpected end of the condition"));
      case "ident" -> {
        if (t.is("true") || t.is("false")) {
          return Shape.BOOL;
        }
        if (t.is("nil")) {
          return Shape.NOT_BOOL;
        }
        if (peek().is("(")) {
          checkFunction(t);
          arguments();
          return PREDICATES.contains(t.text()) ? Shape.BOOL : Shape.UNKNOWN;
        }
        if (!t.is("result")) {
          throw new Checked.Escape(
              new Problem.InText(
                  t.offset(),
                  "unknown name "
                      + t.text()
                      + " (a condition sees result, the query's values, and functions such as len,"
                      + " isNaN and isInf)"));
        }
        return Shape.UNKNOWN;
      }
      default -> {
        if (t.is("(")) {
          Shape s = expression(0);
          expect(")");
          return s;
        }
        if (t.is("[")) {
          while (!peek().is("]")) {
            expression(0);
            if (!peek().is("]")) {
              expect(",");
            }
          }
          take();
          return Shape.NOT_BOOL;
        }
        if (t.is("{")) {
          // A map literal {key: value} or a closure { # > 1 } (as an argument).
          while (!peek().is("}")) {
            expression(0);
            if (peek().is(":")) {
              take();
              expression(0);
            }
            if (!peek().is("}")) {
              expect(",");
            }
          }
          take();
          return Shape.UNKNOWN;
        }
        if (t.is("#")) {
          if (peek().kind().equals("ident")) {
            take(); // #index, #acc
          }
          return Shape.UNKNOWN;
        }
        if (t.is(".")) {
          // .field inside a closure: the element's member.
          if (!peek().kind().equals("ident")) {
            throw unexpected();
          }
          take();
          return Shape.UNKNOWN;
        }
        pos--;
        throw unexpected();
      }
    }
  }

  private void checkFunction(Token name) {
    if (!ARGO_NAMES.contains(name.text()) || name.is("result")) {
      if (!BUILTINS.contains(name.text())) {
        throw new Checked.Escape(
            new Problem.InText(
                name.offset(),
                "unknown function "
                    + name.text()
                    + " (Argo Rollouts adds asInt, asFloat, isNaN, isInf, isNil and default to"
                    + " expr-lang's built-in functions)"));
      }
    }
  }

  private void arguments() {
    expect("(");
    while (!peek().is(")")) {
      expression(0);
      if (!peek().is(")")) {
        expect(",");
      }
    }
    take();
  }

  private static final List<String> OPERATORS =
      List.of(
          "?.", "??", "...", "..", "**", "||", "&&", "==", "!=", "<=", ">=", "<", ">", "+", "-",
          "*", "/", "%", "^", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}", "|", "#", ";");

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isDigit(c)
          || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i))
                || s.charAt(i) == '_'
                || s.charAt(i) == '.' && !s.startsWith("..", i)
                || (s.charAt(i) == '+' || s.charAt(i) == '-')
                    && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                    && !s.startsWith("0x", start))) {
          i++;
        }
        String text = s.substring(start, i);
        if (!text.matches("0[xX][0-9a-fA-F_]+|[0-9_]*\\.?[0-9_]*([eE][+-]?[0-9_]+)?")) {
          throw new Checked.Escape(new Problem.InText(start, "bad number " + text));
        }
        out.add(new Token("number", text, start));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i))
                || s.charAt(i) == '_'
                || s.charAt(i) == '$')) {
          i++;
        }
        out.add(new Token("ident", s.substring(start, i), start));
      } else if (c == '"' || c == '\'' || c == '`') {
        i++;
        while (i < s.length() && s.charAt(i) != c) {
          if (s.charAt(i) == '\\' && c != '`') {
            i++;
          }
          i++;
        }
        if (i >= s.length()) {
          throw new Checked.Escape(new Problem.InText(start, "literal not terminated"));
        }
        i++;
        out.add(new Token("string", s.substring(start, i), start));
      } else {
        String op = null;
        for (String o : OPERATORS) {
          if (s.startsWith(o, i)) {
            op = o;
            break;
          }
        }
        if (op == null || op.equals(";") || op.equals("...")) {
          throw new Checked.Escape(new Problem.InText(start, "unexpected character \"" + c + "\""));
        }
        i += op.length();
        out.add(new Token("op", op, start));
      }
    }
    out.add(new Token("eof", "", s.length()));
    return out;
  }
}
