package dev.stonegarden.render.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A test-side model of Argo Rollouts' measurement evaluation (argo-rollouts {@code
 * utils/evaluate/evaluate.go} {@code EvaluateResult}, and the Prometheus provider's {@code
 * processResponse}, which hands an instant vector to the conditions as {@code []float64}: {@code
 * []} for no series). Conditions are expr-lang; this evaluator covers the subset analysis
 * conditions use: numbers, {@code result}, {@code result[i]} (out of range is a run-time error, as
 * in expr-lang), {@code len}, {@code isNaN}, {@code isInf}, comparisons with Go's float semantics
 * (every comparison with NaN is false except {@code !=}), {@code !}/{@code not}, {@code &&}/{@code
 * and} and {@code ||}/{@code or} (short-circuit), parentheses. Anything else is an error, so a
 * condition outside the subset cannot pass silently.
 *
 * <p>Written from the Go source for these tests; it shares no code with the renderer.
 */
final class ArgoEvaluator {
  private ArgoEvaluator() {}

  /** Argo's {@code AnalysisPhase} values a measurement can take. */
  enum Phase {
    SUCCESSFUL,
    FAILED,
    INCONCLUSIVE,
    ERROR
  }

  /** A condition that expr-lang would refuse to compile or that fails while running. */
  static final class EvalException extends RuntimeException {
    EvalException(String message) {
      super(message);
    }
  }

  /**
   * {@code EvaluateResult}: both conditions evaluated; a missing failure condition is "not
   * success", a missing success condition is "not failure"; failure wins; neither is Inconclusive;
   * an evaluation error is the Error phase.
   */
  static Phase evaluate(List<Double> result, String successCondition, String failureCondition) {
    boolean success = false;
    boolean failure = false;
    try {
      if (successCondition != null) {
        success = condition(result, successCondition);
      }
      if (failureCondition != null) {
        failure = condition(result, failureCondition);
      }
    } catch (EvalException e) {
      return Phase.ERROR;
    }
    if (successCondition == null && failureCondition == null) {
      return Phase.SUCCESSFUL;
    } else if (successCondition != null && failureCondition == null) {
      failure = !success;
    } else if (successCondition == null) {
      success = !failure;
    }
    if (failure) {
      return Phase.FAILED;
    }
    if (!success) {
      return Phase.INCONCLUSIVE;
    }
    return Phase.SUCCESSFUL;
  }

  /** {@code EvalCondition}: the condition must produce a bool. */
  static boolean condition(List<Double> result, String condition) {
    Parser p = new Parser(tokens(condition), result);
    Object v = p.or();
    if (p.pos != p.tokens.size()) {
      throw new EvalException("unexpected token " + p.tokens.get(p.pos));
    }
    if (!(v instanceof Boolean b)) {
      throw new EvalException("expected bool, but got " + v);
    }
    return b;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && isDigit(s, i + 1)) {
        int j = i;
        while (j < s.length() && (isDigit(s, j) || s.charAt(j) == '.')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (List.of("&&", "||", "==", "!=", "<=", ">=").contains(two)) {
          out.add(two);
          i += 2;
        } else if ("()[],<>!".indexOf(c) >= 0) {
          out.add(String.valueOf(c));
          i++;
        } else {
          throw new EvalException("unexpected character " + c);
        }
      }
    }
    return out;
  }

  private static boolean isDigit(String s, int i) {
    return Character.isDigit(s.charAt(i));
  }

  private static final class Parser {
    final List<String> tokens;
    final List<Double> result;
    int pos;

    Parser(List<String> tokens, List<Double> result) {
      this.tokens = tokens;
      this.result = result;
    }

    String peek() {
      return pos < tokens.size() ? tokens.get(pos) : "";
    }

    void expect(String t) {
      if (!peek().equals(t)) {
        throw new EvalException("expected " + t + " at token " + pos);
      }
      pos++;
    }

    // Short-circuit: the right side is parsed but not evaluated, as expr-lang jumps over it.
    Object or() {
      Object left = and();
      while (peek().equals("||") || peek().equals("or")) {
        pos++;
        boolean l = bool(left);
        if (l) {
          skip(this::and);
          left = true;
        } else {
          left = bool(and());
        }
      }
      return left;
    }

    Object and() {
      Object left = not();
      while (peek().equals("&&") || peek().equals("and")) {
        pos++;
        boolean l = bool(left);
        if (!l) {
          skip(this::not);
          left = false;
        } else {
          left = bool(not());
        }
      }
      return left;
    }

    /** Parses an operand without evaluating it: its errors would not happen at run time. */
    void skip(java.util.function.Supplier<Object> operand) {
      boolean saved = dry;
      dry = true;
      operand.get();
      dry = saved;
    }

    /** Parsing a skipped operand: nothing is evaluated, nothing fails at run time. */
    boolean dry;

    Object not() {
      if (peek().equals("!") || peek().equals("not")) {
        pos++;
        return !bool(not());
      }
      return comparison();
    }

    Object comparison() {
      Object left = primary();
      String op = peek();
      if (List.of("==", "!=", "<", "<=", ">", ">=").contains(op)) {
        pos++;
        Object right = primary();
        if (dry) {
          return false;
        }
        double l = number(left);
        double r = number(right);
        return switch (op) {
          case "==" -> l == r;
          case "!=" -> l != r;
          case "<" -> l < r;
          case "<=" -> l <= r;
          case ">" -> l > r;
          default -> l >= r;
        };
      }
      return left;
    }

    Object primary() {
      String t = peek();
      pos++;
      if (t.equals("(")) {
        Object v = or();
        expect(")");
        return v;
      }
      if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.')) {
        return Double.parseDouble(t);
      }
      if (t.equals("result")) {
        if (peek().equals("[")) {
          pos++;
          Object index = or();
          expect("]");
          if (dry) {
            return 0.0;
          }
          int i = (int) number(index);
          if (i < 0 || i >= result.size()) {
            throw new EvalException(
                String.format(
                    Locale.ROOT, "index out of range: %d (array length is %d)", i, result.size()));
          }
          return result.get(i);
        }
        return dry ? List.of() : result;
      }
      if (List.of("len", "isNaN", "isInf").contains(t)) {
        expect("(");
        Object arg = or();
        expect(")");
        if (dry) {
          return t.equals("len") ? 0.0 : false;
        }
        return switch (t) {
          case "len" -> {
            if (!(arg instanceof List<?> l)) {
              throw new EvalException("invalid argument for len");
            }
            yield (double) l.size();
          }
          case "isNaN" -> Double.isNaN(number(arg));
          default -> Double.isInfinite(number(arg));
        };
      }
      throw new EvalException("unknown name " + t);
    }

    double number(Object v) {
      if (dry) {
        return 0;
      }
      if (v instanceof Double d) {
        return d;
      }
      throw new EvalException("not a number: " + v);
    }

    boolean bool(Object v) {
      if (dry) {
        return false;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      throw new EvalException("not a bool: " + v);
    }
  }
}
