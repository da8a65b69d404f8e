package dev.stonegarden.render.promql;

import java.util.List;

/** A parsed PromQL expression: one node per construct, with its start offset and type. */
public sealed interface Expr {
  /** Where the expression starts in the query text. */
  int start();

  /** The value type Prometheus gives the expression. */
  Type type();

  /** PromQL's value types. */
  enum Type {
    SCALAR("scalar"),
    VECTOR("instant vector"),
    MATRIX("range vector"),
    STRING("string");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A label matcher: {@code name op "value"}, op one of {@code = != =~ !~}. */
  record Matcher(String name, String op, String value) {}

  /** {@code 1}, {@code 0.5}, {@code Inf}. */
  record NumberLiteral(double value, int start) implements Expr {
    @Override
    public Type type() {
      return Type.SCALAR;
    }
  }

  /** {@code "text"}. */
  record StringLiteral(String value, int start) implements Expr {
    @Override
    public Type type() {
      return Type.STRING;
    }
  }

  /**
   * {@code name{matchers}} with optional {@code offset} and {@code @} modifiers.
   *
   * @param name the metric name, or null when only matchers are given
   * @param end the offset just after the selector's text (after {@code }} when there are braces)
   */
  record VectorSelector(
      String name, List<Matcher> matchers, String offset, String at, int start, int end)
      implements Expr {
    @Override
    public Type type() {
      return Type.VECTOR;
    }

    /** A selector with nothing but a name and matchers (no offset, no {@code @}). */
    public boolean plain() {
      return offset == null && at == null;
    }
  }

  /** {@code selector[range]}. */
  record MatrixSelector(VectorSelector selector, String range, String offset, String at, int start)
      implements Expr {
    @Override
    public Type type() {
      return Type.MATRIX;
    }
  }

  /** {@code expr[range:step]}. */
  record Subquery(Expr expr, String range, String step, String offset, String at, int start)
      implements Expr {
    @Override
    public Type type() {
      return Type.MATRIX;
    }
  }

  /** {@code (expr)}. */
  record Paren(Expr expr, int start) implements Expr {
    @Override
    public Type type() {
      return expr.type();
    }
  }

  /** {@code -expr} or {@code +expr}. */
  record Unary(String op, Expr expr, int start) implements Expr {
    @Override
    public Type type() {
      return expr.type();
    }
  }

  /** {@code function(args)}. */
  record Call(String function, List<Expr> args, Type type, int start) implements Expr {}

  /**
   * {@code op by (labels) ([param,] expr)}.
   *
   * @param param the parameter of topk, bottomk, quantile, count_values, limitk, limit_ratio; else
   *     null
   */
  record Aggregation(
      String op, Expr param, Expr expr, List<String> grouping, boolean without, int start)
      implements Expr {
    @Override
    public Type type() {
      return Type.VECTOR;
    }
  }

  /**
   * {@code left op right} with its modifiers.
   *
   * @param matching {@code on(...)} or {@code ignoring(...)} with its labels, or null
   * @param group {@code group_left(...)} or {@code group_right(...)}, or null
   */
  record Binary(
      String op,
      Expr left,
      Expr right,
      boolean bool,
      String matching,
      String group,
      Type type,
      int start)
      implements Expr {}
}
