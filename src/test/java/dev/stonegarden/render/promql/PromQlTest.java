package dev.stonegarden.render.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromQlTest {
  /** Queries Prometheus accepts. */
  static final List<String> VALID =
      List.of(
          "up",
          "http_requests_total{namespace=\"shop\",code=~\"5..\"}",
          "{__name__=\"up\"}",
          "up{job!=\"\",}",
          "rate(http_requests_total[5m])",
          "rate(http_requests_total[1h30m] offset 5m)",
          "rate(http_requests_total[5m] offset -1h)",
          "sum(rate(x[2m])) by (le)",
          "sum by (le) (rate(x[2m]))",
          "sum without (pod, instance) (x)",
          "histogram_quantile(0.99, sum(rate(b{namespace=\"n\"}[2m])) by (le))",
          "1 - (sum(rate(e{h=\"{{args.canary-hash}}\"}[2m])) or vector(0)) / sum(rate(r[2m]))",
          "a and on (pod) b",
          "a unless ignoring (code) b",
          "a / on (pod) group_left (node) b",
          "a * ignoring (x) group_right b",
          "a > bool 1",
          "1 > bool 2",
          "a > 1",
          "-a",
          "-1 ^ 2",
          "2 ^ 3 ^ 2",
          "topk(5, x)",
          "quantile(0.9, x)",
          "count_values(\"version\", build_info)",
          "label_replace(up, \"a\", \"$1\", \"b\", \"(.*)\")",
          "max_over_time(rate(x[1m])[10m:1m])",
          "avg_over_time(x[5m:])",
          "x @ 1609746000",
          "x @ start()",
          "round(x)",
          "round(x, 0.5)",
          "time()",
          "day_of_week()",
          "absent(nonexistent{job=\"a\"})",
          "clamp(x, 0, 1)",
          "0x1F + 1e3 + .5 + Inf - NaN",
          "x # a comment\n+ y",
          "x atan2 y",
          "predict_linear(x[1h], 3600) < 0");

  /** Queries Prometheus refuses, with the offset of the problem as this parser reports it. */
  record Bad(String query, int offset, String message) {}

  static final List<Bad> INVALID =
      List.of(
          new Bad("sum(", 4, "unexpected end of input"),
          new Bad("up{job=\"a\"", 10, "unexpected end of input"),
          new Bad("rate(x)", 5, "expected type range vector in call to function rate"),
          new Bad("rate(x[5m]) [5m]", 12, "ranges only allowed for vector selectors"),
          new Bad("sum(x[5m])", 4, "expected type instant vector in aggregation expression"),
          new Bad("x[5]", 2, "expected a duration"),
          new Bad("nonsense(x)", 0, "unknown function with name \"nonsense\""),
          new Bad("{}", 0, "vector selector must contain at least one non-empty matcher"),
          new Bad("{job=~\".*\"}", 0, "vector selector must contain at least one non-empty"),
          new Bad("x{a=~\"(\"}", 5, "invalid regular expression"),
          new Bad("1 and 2", 2, "set operator \"and\" not allowed in binary scalar expression"),
          new Bad("1 > 2", 2, "comparisons between scalars must use BOOL modifier"),
          new Bad("a + bool b", 4, "bool modifier can only be used on comparison operators"),
          new Bad("topk(x)", 6, "in aggregation topk"),
          new Bad("histogram_quantile(x)", 0, "wrong number of arguments"),
          new Bad("x offset 5m offset 1m", 12, "offset may not be set multiple times"),
          new Bad("sum(x) offset 5m", 7, "offset must follow a selector or a subquery"),
          new Bad("up{job=\"a\"}}", 11, "unexpected \"}\""),
          new Bad("x{a=\"b\\q\"}", 6, "unknown escape sequence"),
          new Bad("x{a=\"b}", 4, "unterminated string"),
          new Bad("x[5m] + 1", 0, "binary expression must contain only scalar and instant vector"),
          new Bad("'single' == 'single'", 0, "binary expression must contain only scalar"),
          new Bad("\"a\" + 1", 0, "binary expression must contain only scalar and instant vector"),
          new Bad("sum(x) by (le", 13, "unexpected end of input"),
          new Bad("", 0, "no expression found in input"),
          new Bad("x == on(a) 1", 2, "vector matching only allowed between instant vectors"),
          new Bad("{{nmespace}}", 1, "in label matching"));

  @Test
  void acceptsWhatPrometheusAccepts() {
    for (String q : VALID) {
      assertEquals(List.of(), PromQl.parse(q).problems(), q);
    }
  }

  @Test
  void refusesWhatPrometheusRefusesWithThePosition() {
    for (Bad b : INVALID) {
      Problem.InText e =
          assertInstanceOf(Problem.InText.class, PromQl.parse(b.query()).problem(), b.query());
      assertTrue(
          e.message().contains(b.message()),
          b.query() + ": \"" + e.message() + "\" lacks \"" + b.message() + "\"");
      assertEquals(b.offset(), e.offset(), b.query() + ": " + e.message());
    }
  }

  @Test
  void theTreeHoldsTheSelectorAndItsTypes() {
    Expr e = PromQl.parse("http_requests_total{namespace=\"a\", code=~\"5..\"}").value();
    Expr.VectorSelector v = assertInstanceOf(Expr.VectorSelector.class, e);
    assertEquals("http_requests_total", v.name());
    assertEquals(
        List.of(new Expr.Matcher("namespace", "=", "a"), new Expr.Matcher("code", "=~", "5..")),
        v.matchers());
    assertTrue(v.plain());
    assertEquals(0, v.start());
    assertEquals(e.toString().length() > 0, true);
    assertEquals(Expr.Type.SCALAR, PromQl.parse("1 + 2 * 3").value().type());
    assertEquals(Expr.Type.VECTOR, PromQl.parse("1 + x").value().type());
    assertEquals(Expr.Type.MATRIX, PromQl.parse("x[5m]").value().type());
    Expr.Binary b = assertInstanceOf(Expr.Binary.class, PromQl.parse("a - b * c").value());
    assertEquals("-", b.op());
    Expr.Binary power = assertInstanceOf(Expr.Binary.class, PromQl.parse("2 ^ 3 ^ 2").value());
    assertInstanceOf(Expr.NumberLiteral.class, power.left());
    assertInstanceOf(Expr.Unary.class, PromQl.parse("-1 ^ 2").value());
    assertInstanceOf(Expr.Binary.class, PromQl.parse("a or b and c").value());
    assertEquals("or", ((Expr.Binary) PromQl.parse("a or b and c").value()).op());
  }

  /**
   * The same verdicts as Prometheus's own parser ({@code promtool check rules}, Debian's prometheus
   * package; required under CI), on every query above.
   */
  @Test
  void agreesWithPromtool(@TempDir Path dir) throws IOException {
    Path promtool = Prerequisites.promtool();
    List<String> disagreements = new ArrayList<>();
    List<String> all = new ArrayList<>(VALID);
    INVALID.forEach(b -> all.add(b.query()));
    for (int i = 0; i < all.size(); i++) {
      String q = all.get(i);
      boolean ours = PromQl.parse(q).ok();
      Path rules = dir.resolve("rules-" + i + ".yaml");
      Files.writeString(rules, rulesFile(q), StandardCharsets.UTF_8);
      Prerequisites.Output out =
          Prerequisites.run(List.of(promtool.toString(), "check", "rules", rules.toString()), dir);
      boolean theirs = out.ok();
      if (ours != theirs) {
        disagreements.add(
            q + " (ours " + ours + ", promtool " + theirs + ": " + out.stdout() + ")");
      }
    }
    assertEquals(List.of(), disagreements);
  }

  /**
   * One recording rule whose expression is {@code query}, as JSON (YAML's subset): no quoting
   * trouble.
   */
  static String rulesFile(String query) {
    return "{\"groups\": [{\"name\": \"g\", \"rules\": [{\"record\": \"r\", \"expr\": "
        + json(query)
        + "}]}]}\n";
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
