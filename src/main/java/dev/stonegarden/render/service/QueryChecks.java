package dev.stonegarden.render.service;

import dev.stonegarden.render.analysis.ConditionCheck;
import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.promql.Expr;
import dev.stonegarden.render.promql.QueryTemplate;
import dev.stonegarden.render.yaml.ScalarOffsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The render-time checks of queries and conditions the user writes
 * (docs/canary.md#queries-checked-at-render-time): platform.yaml's {@code sli} templates and
 * service.yaml's custom analysis metrics. Each problem is an error at its position inside the
 * string.
 */
final class QueryChecks {
  private QueryChecks() {}

  /** The placeholders of the {@code sli} templates (docs/platform-yaml.md). */
  static final List<String> SLI_PLACEHOLDERS = List.of("namespace", "service", "environment");

  /**
   * The placeholders of custom analysis queries: the sli ones, the canary's hash argument, and
   * (with a router, docs/traffic-routing.md#analysis) the canary Service's name.
   */
  static final List<String> QUERY_PLACEHOLDERS =
      List.of("namespace", "service", "environment", "args.canary-hash", "args.canary-service");

  /**
   * An {@code sli} template: known placeholders only, valid PromQL, and a plain vector selector
   * (the render wraps it in {@code rate(...[2m])} and {@code sum(...)} and adds the canary's label
   * matcher to it).
   */
  static void sliTemplate(Problems problems, SourcePosition at, String key, String template) {
    Expr e = parse(problems, at, "sli." + key, template, SLI_PLACEHOLDERS);
    if (e == null) {
      return;
    }
    if (!(e instanceof Expr.VectorSelector v) || !v.plain()) {
      problems.error(
          ScalarOffsets.inside(at, template, offendingOffset(e)),
          "sli."
              + key
              + " must be a plain vector selector such as http_requests_total{namespace=\"{{namespace}}\"},"
              + " found "
              + describe(e)
              + ": the render adds rate(...[2m]), sum(...) and the canary's label matcher itself");
    }
  }

  /** A custom analysis metric's query: known placeholders only, valid PromQL. */
  static void customQuery(Problems problems, SourcePosition at, String metric, String query) {
    parse(problems, at, "the query of metric " + metric, query, QUERY_PLACEHOLDERS);
  }

  /** A custom analysis metric's condition: what Argo Rollouts' expr-lang compiles. */
  static void condition(
      Problems problems, SourcePosition at, String metric, String key, String condition) {
    for (Problem p : ConditionCheck.check(condition).problems()) {
      problems.error(
          ScalarOffsets.of(at, condition, p),
          key + " of metric " + metric + " cannot be evaluated by Argo Rollouts: " + p.message());
    }
  }

  private static Expr parse(
      Problems problems, SourcePosition at, String what, String template, List<String> known) {
    QueryTemplate.Unknown u = QueryTemplate.unknownPlaceholder(template, known);
    if (u != null) {
      List<String> shown = new ArrayList<>();
      known.forEach(k -> shown.add("{{" + k + "}}"));
      problems.error(
          ScalarOffsets.inside(at, template, u.offset()),
          "unknown placeholder {{"
              + u.name()
              + "}} in "
              + what
              + ": the known ones are "
              + String.join(", ", shown)
              + Spelling.didYouMean(u.name(), known));
      return null;
    }
    Checked<Expr> parsed = QueryTemplate.parse(template);
    for (Problem p : parsed.problems()) {
      problems.error(
          ScalarOffsets.of(at, template, p), what + " is not valid PromQL: " + p.message());
    }
    return parsed.ok() ? parsed.value() : null;
  }

  private static int offendingOffset(Expr e) {
    if (e instanceof Expr.MatrixSelector m) {
      return m.selector().end();
    }
    return e.start();
  }

  private static String describe(Expr e) {
    if (e instanceof Expr.Call c) {
      return "a call to " + c.function() + "()";
    } else if (e instanceof Expr.Aggregation a) {
      return "an aggregation " + a.op() + "(...)";
    } else if (e instanceof Expr.Binary b) {
      return "a binary expression (" + b.op() + ")";
    } else if (e instanceof Expr.MatrixSelector m) {
      return "a range selector [" + m.range() + "]";
    } else if (e instanceof Expr.VectorSelector) {
      return "a selector with offset or @";
    } else if (e instanceof Expr.Paren) {
      return "a parenthesized expression";
    }
    return "a " + e.type();
  }
}
