package dev.stonegarden.render.promql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.promql.Expr.Type;
import dev.stonegarden.render.promql.Lexer.Kind;
import dev.stonegarden.render.promql.Lexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and type-checks PromQL the way Prometheus's parser does ({@code promql/parser}), for the
 * constructs listed in the package documentation. Everything outside them is an error, never a
 * silent pass: a newer function than the table knows is "unknown function", which callers that read
 * the team's own files turn into a warning (docs/canary.md).
 */
public final class PromQl {
  /** Binary operators by precedence, lowest first (Prometheus {@code parser/lex.go}). */
  private static final List<Set<String>> PRECEDENCE =
      List.of(
          Set.of("or"),
          Set.of("and", "unless"),
          Set.of("==", "!=", "<=", "<", ">=", ">"),
          Set.of("+", "-"),
          Set.of("*", "/", "%", "atan2"),
          Set.of("^"));

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<=", "<", ">=", ">");
  private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");

  /** Aggregation operators; the value says what parameter comes first (null: none). */
  private static final Map<String, Type> AGGREGATIONS = new HashMap<>();

  static {
    for (String op : List.of("sum", "avg", "count", "min", "max", "group", "stddev", "stdvar")) {
      AGGREGATIONS.put(op, null);
    }
    for (String op : List.of("topk", "bottomk", "quantile", "limitk", "limit_ratio")) {
      AGGREGATIONS.put(op, Type.SCALAR);
    }
    AGGREGATIONS.put("count_values", Type.STRING);
  }

  /**
   * Prometheus's functions: argument types ({@code s} scalar, {@code v} instant vector, {@code m}
   * range vector, {@code S} string; a trailing {@code ?} makes the last one optional, {@code *}
   * repeatable) and the result type.
   */
  private static final String FUNCTION_TABLE =
      """
      abs v v; absent v v; absent_over_time m v; acos v v; acosh v v; asin v v; asinh v v;
      atan v v; atanh v v; avg_over_time m v; ceil v v; changes m v; clamp vss v; clamp_max vs v;
      clamp_min vs v; cos v v; cosh v v; count_over_time m v; days_in_month v? v;
      day_of_month v? v; day_of_week v? v; day_of_year v? v; deg v v; delta m v; deriv m v;
      double_exponential_smoothing mss v; exp v v; floor v v; histogram_avg v v;
      histogram_count v v; histogram_fraction ssv v; histogram_quantile sv v; histogram_stddev v v;
      histogram_stdvar v v; histogram_sum v v; holt_winters mss v; hour v? v; idelta m v;
      increase m v; irate m v; label_join vSSS* v; label_replace vSSSS v; last_over_time m v;
      ln v v; log10 v v; log2 v v; mad_over_time m v; max_over_time m v; min_over_time m v;
      minute v? v; month v? v; pi - s; predict_linear ms v; present_over_time m v;
      quantile_over_time sm v; rad v v; rate m v; resets m v; round vs? v; scalar v s; sgn v v;
      sin v v; sinh v v; sort v v; sort_by_label vS* v; sort_by_label_desc vS* v; sort_desc v v;
      sqrt v v; stddev_over_time m v; stdvar_over_time m v; sum_over_time m v; tan v v; tanh v v;
      time - s; timestamp v v; vector s v; year v? v
      """;

  private record Signature(
      List<Type> args, boolean lastOptional, boolean lastRepeats, Type result) {}

  private static final Map<String, Signature> FUNCTIONS = functions();

  private static Map<String, Signature> functions() {
    Map<String, Signature> m = new HashMap<>(); // looked up only
    for (String entry : FUNCTION_TABLE.split(";")) {
      String[] f = entry.strip().split("\\s+");
      List<Type> args = new ArrayList<>();
      String spec = f[1].equals("-") ? "" : f[1];
      boolean optional = spec.endsWith("?");
      boolean repeats = spec.endsWith("*");
      for (char c : spec.replace("?", "").replace("*", "").toCharArray()) {
        args.add(type(c));
      }
      m.put(f[0], new Signature(List.copyOf(args), optional, repeats, type(f[2].charAt(0))));
    }
    return m;
  }

  private static Type type(char c) {
    return switch (c) {
      case 's' -> Type.SCALAR;
      case 'v' -> Type.VECTOR;
      case 'm' -> Type.MATRIX;
      default -> Type.STRING;
    };
  }

  private final List<Token> tokens;
  private int pos;

  private PromQl(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * The expression {@code query} holds, or the first problem Prometheus would report ({@link
   * Problem.InText}, with its offset in {@code query}).
   */
  public static Checked<Expr> parse(String query) {
    return Lexer.tokens(query).flatMap(PromQl::parse);
  }

  private static Checked<Expr> parse(List<Token> tokens) {
    return Checked.of(new PromQl(tokens)::parseAll);
  }

  /**
   * All the tokens as one expression; the first problem escapes the recursive descent ({@link
   * Checked.Escape}) to {@link #parse(List)}.
   */
  private Expr parseAll() {
    if (peek().kind() == Kind.EOF) {
      throw new Checked.Escape(new Problem.InText(0, "no expression found in input"));
    }
    Expr e = expression(0);
    if (peek().kind() != Kind.EOF) {
      throw unexpected("");
    }
    return e;
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

  private Checked.Escape unexpected(String context) {
    Token t = peek();
    return new Checked.Escape(
        new Problem.InText(
            t.offset(), "unexpected " + t.describe() + (context.isEmpty() ? "" : " " + context)));
  }

  private Token expect(String op, String context) {
    if (!peek().is(op)) {
      throw unexpected(context + ", expected \"" + op + "\"");
    }
    return take();
  }

  private static int precedence(Token t) {
    if (t.kind() != Kind.OP && t.kind() != Kind.IDENT) {
      return -1;
    }
    for (int p = 0; p < PRECEDENCE.size(); p++) {
      if (PRECEDENCE.get(p).contains(t.text())) {
        return p;
      }
    }
    return -1;
  }

  private Expr expression(int minPrecedence) {
    Expr left = unary();
    while (true) {
      Token opToken = peek();
      int p = precedence(opToken);
      if (p < 0 || p < minPrecedence) {
        return left;
      }
      take();
      String op = opToken.text();
      boolean bool = false;
      if (peek().is("bool")) {
        if (!COMPARISONS.contains(op)) {
          throw unexpected(
              "after \"" + op + "\": bool modifier can only be used on comparison operators");
        }
        take();
        bool = true;
      }
      String matching = null;
      String group = null;
      if (peek().is("on") || peek().is("ignoring")) {
        String kw = take().text();
        matching = kw + "(" + String.join(", ", labels("in " + kw)) + ")";
        if (peek().is("group_left") || peek().is("group_right")) {
          String g = take().text();
          group = g + (peek().is("(") ? "(" + String.join(", ", labels("in " + g)) + ")" : "");
          if (SET_OPERATORS.contains(op)) {
            throw new Checked.Escape(
                new Problem.InText(
                    opToken.offset(), "no grouping allowed for \"" + op + "\" operation"));
          }
        }
      }
      // "^" is right-associative; everything else left-associative.
      Expr right = expression(op.equals("^") ? p : p + 1);
      left = binary(op, opToken.offset(), left, right, bool, matching, group);
    }
  }

  private Expr binary(
      String op, int at, Expr left, Expr right, boolean bool, String matching, String group) {
    for (Expr e : List.of(left, right)) {
      if (e.type() != Type.SCALAR && e.type() != Type.VECTOR) {
        throw new Checked.Escape(
            new Problem.InText(
                e.start(),
                "binary expression must contain only scalar and instant vector types, got "
                    + e.type()));
      }
    }
    boolean scalars = left.type() == Type.SCALAR && right.type() == Type.SCALAR;
    if (SET_OPERATORS.contains(op) && (left.type() != Type.VECTOR || right.type() != Type.VECTOR)) {
      throw new Checked.Escape(
          new Problem.InText(
              at, "set operator \"" + op + "\" not allowed in binary scalar expression"));
    }
    if (COMPARISONS.contains(op) && scalars && !bool) {
      throw new Checked.Escape(
          new Problem.InText(at, "comparisons between scalars must use BOOL modifier"));
    }
    if ((matching != null || group != null)
        && (left.type() != Type.VECTOR || right.type() != Type.VECTOR)) {
      throw new Checked.Escape(
          new Problem.InText(at, "vector matching only allowed between instant vectors"));
    }
    return new Expr.Binary(
        op, left, right, bool, matching, group, scalars ? Type.SCALAR : Type.VECTOR, left.start());
  }

  private Expr unary() {
    if (peek().is("-") || peek().is("+")) {
      Token op = take();
      // Unary minus binds tighter than every binary operator but "^" (-1^2 is -1).
      Expr operand = expression(PRECEDENCE.size() - 1);
      if (operand.type() != Type.SCALAR && operand.type() != Type.VECTOR) {
        throw new Checked.Escape(
            new Problem.InText(
                op.offset(),
                "unary expression only allowed on expressions of type scalar or instant vector, got "
                    + operand.type()));
      }
      return new Expr.Unary(op.text(), operand, op.offset());
    }
    return postfix(primary());
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        take();
        return new Expr.NumberLiteral(number(t), t.offset());
      }
      case STRING -> {
        take();
        return new Expr.StringLiteral(t.value(), t.offset());
      }
      case DURATION -> throw unexpected("where an expression was expected");
      case EOF -> throw unexpected("where an expression was expected");
      case OP -> {
        if (t.is("(")) {
          take();
          Expr inner = expression(0);
          expect(")", "in parenthesized expression");
          return new Expr.Paren(inner, t.offset());
        }
        if (t.is("{")) {
          return selector(null, t.offset());
        }
        throw unexpected("where an expression was expected");
      }
      default -> {
        return identifier(t);
      }
    }
  }

  private Expr identifier(Token t) {
    String name = t.text();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("nan")) {
      take();
      return new Expr.NumberLiteral(
          lower.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN, t.offset());
    }
    if (AGGREGATIONS.containsKey(name)
        && (peek(1).is("(") || peek(1).is("by") || peek(1).is("without"))) {
      return aggregation();
    }
    if (peek(1).is("(")) {
      return call();
    }
    if (Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset")
            .contains(name)
        || SET_OPERATORS.contains(name)
        || name.equals("atan2")) {
      throw unexpected("where an expression was expected");
    }
    take();
    return selector(name, t.offset());
  }

  private static double number(Token t) {
    String s = t.text();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return Long.parseLong(s.substring(2), 16);
    }
    return Double.parseDouble(s);
  }

  private Expr.VectorSelector selector(String name, int start) {
    List<Expr.Matcher> matchers = new ArrayList<>();
    int end;
    if (peek().is("{")) {
      take();
      while (!peek().is("}")) {
        Token label = peek();
        if (label.kind() != Kind.IDENT || label.text().contains(":")) {
          throw unexpected("in label matching, expected a label name");
        }
        take();
        Token op = peek();
        if (!(op.is("=") || op.is("!=") || op.is("=~") || op.is("!~"))) {
          throw unexpected("in label matching, expected one of \"=\", \"!=\", \"=~\", \"!~\"");
        }
        take();
        Token value = peek();
        if (value.kind() != Kind.STRING) {
          throw unexpected("in label matching, expected a string");
        }
        take();
        if (op.text().endsWith("~")) {
          try {
            Pattern.compile("^(?:" + value.value() + ")$");
          } catch (PatternSyntaxException e) {
            throw new Checked.Escape(
                new Problem.InText(
                    value.offset(),
                    "invalid regular expression " + value.text() + ": " + e.getDescription()));
          }
        }
        if (label.text().equals("__name__") && name != null) {
          throw new Checked.Escape(
              new Problem.InText(label.offset(), "metric name must not be set twice"));
        }
        matchers.add(new Expr.Matcher(label.text(), op.text(), value.value()));
        if (peek().is(",")) {
          take();
        } else if (!peek().is("}")) {
          throw unexpected("in label matching, expected \",\" or \"}\"");
        }
      }
      Token close = take();
      end = close.offset() + 1;
    } else {
      Token last = tokens.get(pos - 1);
      end = last.offset() + last.text().length();
    }
    if (name == null && matchers.stream().allMatch(PromQl::matchesEmpty)) {
      throw new Checked.Escape(
          new Problem.InText(start, "vector selector must contain at least one non-empty matcher"));
    }
    return new Expr.VectorSelector(name, List.copyOf(matchers), null, null, start, end);
  }

  private static boolean matchesEmpty(Expr.Matcher m) {
    return switch (m.op()) {
      case "=" -> m.value().isEmpty();
      case "!=" -> !m.value().isEmpty();
      case "=~" -> Pattern.compile("^(?:" + m.value() + ")$").matcher("").matches();
      default -> !Pattern.compile("^(?:" + m.value() + ")$").matcher("").matches();
    };
  }

  private Expr postfix(Expr e) {
    while (true) {
      if (peek().is("[")) {
        Token open = take();
        String range = duration("in range or subquery");
        if (peek().is(":")) {
          take();
          String step = peek().kind() == Kind.DURATION ? take().text() : null;
          expect("]", "in subquery");
          if (e.type() != Type.VECTOR) {
            throw new Checked.Escape(
                new Problem.InText(
                    open.offset(), "subquery is only allowed on instant vector, got " + e.type()));
          }
          e = new Expr.Subquery(e, range, step, null, null, e.start());
        } else {
          expect("]", "in range selector");
          if (!(e instanceof Expr.VectorSelector v) || !v.plain()) {
            throw new Checked.Escape(
                new Problem.InText(
                    open.offset(),
                    "ranges only allowed for vector selectors (an offset or @ comes after the range)"));
          }
          e = new Expr.MatrixSelector(v, range, null, null, e.start());
        }
      } else if (peek().is("offset")) {
        Token kw = take();
        String sign = "";
        if (peek().is("-")) {
          take();
          sign = "-";
        }
        String offset = sign + duration("after offset");
        e = withModifier(e, kw, offset, null);
      } else if (peek().is("@")) {
        Token kw = take();
        String at;
        if (peek().is("start") || peek().is("end")) {
          at = take().text();
          expect("(", "after @ " + at);
          expect(")", "after @ " + at + "(");
          at += "()";
        } else if (peek().kind() == Kind.NUMBER) {
          at = take().text();
        } else if (peek().is("-") && peek(1).kind() == Kind.NUMBER) {
          take();
          at = "-" + take().text();
        } else {
          throw unexpected("after @, expected a timestamp, start() or end()");
        }
        e = withModifier(e, kw, null, at);
      } else {
        return e;
      }
    }
  }

  private Expr withModifier(Expr e, Token kw, String offset, String at) {
    String what = offset != null ? "offset" : "@ modifier";
    if (e instanceof Expr.VectorSelector v) {
      check(kw, what, offset != null ? v.offset() : v.at());
      return new Expr.VectorSelector(
          v.name(),
          v.matchers(),
          offset != null ? offset : v.offset(),
          at != null ? at : v.at(),
          v.start(),
          v.end());
    }
    if (e instanceof Expr.MatrixSelector m) {
      check(kw, what, offset != null ? m.offset() : m.at());
      return new Expr.MatrixSelector(
          m.selector(),
          m.range(),
          offset != null ? offset : m.offset(),
          at != null ? at : m.at(),
          m.start());
    }
    if (e instanceof Expr.Subquery s) {
      check(kw, what, offset != null ? s.offset() : s.at());
      return new Expr.Subquery(
          s.expr(),
          s.range(),
          s.step(),
          offset != null ? offset : s.offset(),
          at != null ? at : s.at(),
          s.start());
    }
    throw new Checked.Escape(
        new Problem.InText(
            kw.offset(),
            what + " must follow a selector or a subquery, not " + e.type() + " " + kind(e)));
  }

  private static void check(Token kw, String what, String existing) {
    if (existing != null) {
      throw new Checked.Escape(
          new Problem.InText(kw.offset(), what + " may not be set multiple times"));
    }
  }

  private static String kind(Expr e) {
    if (e instanceof Expr.Call) {
      return "function call";
    } else if (e instanceof Expr.Aggregation) {
      return "aggregation";
    } else if (e instanceof Expr.Binary) {
      return "binary expression";
    } else if (e instanceof Expr.Paren) {
      return "parenthesized expression";
    }
    return "expression";
  }

  private String duration(String context) {
    Token t = peek();
    if (t.kind() != Kind.DURATION) {
      throw unexpected(context + ", expected a duration such as 5m");
    }
    take();
    return t.text();
  }

  private List<String> labels(String context) {
    expect("(", context);
    List<String> out = new ArrayList<>();
    while (!peek().is(")")) {
      Token t = peek();
      if (t.kind() != Kind.IDENT && t.kind() != Kind.STRING || t.text().contains(":")) {
        throw unexpected(context + ", expected a label name");
      }
      take();
      out.add(t.value());
      if (peek().is(",")) {
        take();
      } else if (!peek().is(")")) {
        throw unexpected(context + ", expected \",\" or \")\"");
      }
    }
    take();
    return out;
  }

  private Expr aggregation() {
    Token op = take();
    List<String> grouping = List.of();
    boolean without = false;
    boolean grouped = false;
    if (peek().is("by") || peek().is("without")) {
      without = take().text().equals("without");
      grouping = labels("in grouping of " + op.text());
      grouped = true;
    }
    expect("(", "in aggregation " + op.text());
    Type paramType = AGGREGATIONS.get(op.text());
    Expr param = null;
    if (paramType != null) {
      param = expression(0);
      expect(",", "in aggregation " + op.text() + ": it takes a parameter and a vector");
      if (param.type() != paramType) {
        throw new Checked.Escape(
            new Problem.InText(
                param.start(),
                "expected type "
                    + paramType
                    + " in aggregation parameter of "
                    + op.text()
                    + ", got "
                    + param.type()));
      }
    }
    if (peek().is(")")) {
      throw unexpected("in aggregation " + op.text() + ", expected an expression");
    }
    Expr inner = expression(0);
    if (peek().is(",")) {
      throw unexpected("in aggregation " + op.text() + ": too many arguments");
    }
    expect(")", "in aggregation " + op.text());
    if (peek().is("by") || peek().is("without")) {
      if (grouped) {
        throw unexpected("in aggregation " + op.text() + ": grouping given twice");
      }
      without = take().text().equals("without");
      grouping = labels("in grouping of " + op.text());
    }
    if (inner.type() != Type.VECTOR) {
      throw new Checked.Escape(
          new Problem.InText(
              inner.start(),
              "expected type instant vector in aggregation expression, got " + inner.type()));
    }
    return new Expr.Aggregation(op.text(), param, inner, grouping, without, op.offset());
  }

  private Expr call() {
    Token name = take();
    Signature sig = FUNCTIONS.get(name.text());
    if (sig == null) {
      throw new Checked.Escape(
          new Problem.InText(name.offset(), "unknown function with name \"" + name.text() + "\""));
    }
    take(); // (
    List<Expr> args = new ArrayList<>();
    while (!peek().is(")")) {
      args.add(expression(0));
      if (peek().is(",")) {
        take();
        if (peek().is(")")) {
          throw unexpected("in call to " + name.text() + ", expected an argument");
        }
      } else if (!peek().is(")")) {
        throw unexpected("in call to " + name.text() + ", expected \",\" or \")\"");
      }
    }
    take();
    int min = sig.lastOptional() || sig.lastRepeats() ? sig.args().size() - 1 : sig.args().size();
    int max = sig.lastRepeats() ? Integer.MAX_VALUE : sig.args().size();
    if (args.size() < min || args.size() > max) {
      throw new Checked.Escape(
          new Problem.InText(
              name.offset(),
              "wrong number of arguments for function "
                  + name.text()
                  + " (expected "
                  + (min == max
                      ? String.valueOf(min)
                      : max == Integer.MAX_VALUE ? "at least " + min : min + " or " + max)
                  + ", got "
                  + args.size()
                  + ")"));
    }
    for (int k = 0; k < args.size(); k++) {
      Type want = sig.args().get(Math.min(k, sig.args().size() - 1));
      if (args.get(k).type() != want) {
        throw new Checked.Escape(
            new Problem.InText(
                args.get(k).start(),
                "expected type "
                    + want
                    + " in call to function "
                    + name.text()
                    + ", got "
                    + args.get(k).type()));
      }
    }
    return new Expr.Call(name.text(), List.copyOf(args), sig.result(), name.offset());
  }
}
