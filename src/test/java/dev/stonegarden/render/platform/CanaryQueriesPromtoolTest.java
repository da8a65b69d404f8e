package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.ArgoEvaluator.Phase.FAILED;
import static dev.stonegarden.render.platform.ArgoEvaluator.Phase.INCONCLUSIVE;
import static dev.stonegarden.render.platform.ArgoEvaluator.Phase.SUCCESSFUL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The generated analysis queries against Prometheus's own engine ({@code promtool test rules},
 * Debian's prometheus package; required under CI) over synthetic series, beside a healthy stable
 * version of ten times the canary's traffic: a canary at 5 % errors reads 0.95 and fails, a healthy
 * canary without any 5xx series reads 1 and passes, no canary series gives no result and a canary
 * without requests gives NaN, both Inconclusive. The values promtool confirms are then judged with
 * Argo Rollouts' semantics ({@link ArgoEvaluator}) and the rendered conditions. Also shown: the old
 * whole-namespace query reads the blend (0.9955) and would have passed the bad canary.
 */
class CanaryQueriesPromtoolTest {
  static final String CANARY = "c4n4ry";
  static final String STABLE = "st4bl3";

  record Scenario(String name, List<String> series, String query, String expected) {}

  @Test
  void theQueriesCatchABadCanaryAndPauseOnNoTraffic(@TempDir Path dir) throws IOException {
    Path promtool = Prerequisites.promtool();
    List<CanaryAnalysisConditionsTest.Rendered> rendered = CanaryAnalysisConditionsTest.all();
    StringBuilder tests = new StringBuilder("rule_files: []\nevaluation_interval: 1m\ntests:\n");
    int checked = 0;
    for (CanaryAnalysisConditionsTest.Rendered r : rendered) {
      ServiceSpec.Environment env = r.environment();
      PlatformSettings platform = platformOf(r);
      assertEquals(
          PlatformReader.defaults().sli(),
          platform.sli(),
          "the series below are the default sli's");
      String hash = platform.canary().hashLabel();
      String ns = env.namespace();
      for (JsonNode metric : r.template().body().at("/spec/metrics")) {
        String query =
            metric
                .at("/provider/prometheus/query")
                .stringValue()
                .replace("{{args.canary-hash}}", CANARY);
        String success = metric.get("successCondition").stringValue();
        String failure = metric.get("failureCondition").stringValue();
        String name = metric.get("name").stringValue();
        List<Scenario> scenarios;
        List<ArgoEvaluator.Phase> phases;
        List<List<Double>> results;
        if (name.equals("success-rate")) {
          String stable = requests(ns, hash, STABLE, "200", 1000);
          scenarios =
              List.of(
                  new Scenario(
                      "5% errors",
                      List.of(
                          stable,
                          requests(ns, hash, CANARY, "200", 95),
                          requests(ns, hash, CANARY, "500", 5)),
                      query,
                      "0.95"),
                  new Scenario(
                      "healthy, no 5xx series",
                      List.of(stable, requests(ns, hash, CANARY, "200", 100)),
                      query,
                      "1"),
                  new Scenario("no canary series", List.of(stable), query, null),
                  new Scenario(
                      "canary without requests",
                      List.of(stable, requests(ns, hash, CANARY, "200", 0)),
                      "(" + query + ") != bool (" + query + ")",
                      "1"));
          results = List.of(List.of(0.95), List.of(1.0), List.of(), List.of(Double.NaN));
          phases = List.of(FAILED, SUCCESSFUL, INCONCLUSIVE, INCONCLUSIVE);
          // The whole-namespace query of before: the blend passes the bad canary.
          String blend =
              "1 - sum(rate(http_requests_total{namespace=\""
                  + ns
                  + "\",code=~\"5..\"}[2m])) / sum(rate(http_requests_total{namespace=\""
                  + ns
                  + "\"}[2m]))";
          double blended = 1 - 5.0 / 1100;
          tests.append(
              test(new Scenario("blend", scenarios.get(0).series(), blend, number(blended))));
          assertEquals(SUCCESSFUL, ArgoEvaluator.evaluate(List.of(blended), success, failure));
        } else {
          double t = Double.parseDouble(success.substring(success.lastIndexOf(' ') + 1));
          List<String> stable = buckets(ns, hash, STABLE, t, 1000, 0, 0);
          List<String> slow = new ArrayList<>(stable);
          slow.addAll(buckets(ns, hash, CANARY, t, 0, 0, 100));
          List<String> fast = new ArrayList<>(stable);
          fast.addAll(buckets(ns, hash, CANARY, t, 100, 0, 0));
          List<String> idle = new ArrayList<>(stable);
          idle.addAll(buckets(ns, hash, CANARY, t, 0, 0, 0));
          // Linear interpolation inside the bucket holding the 99th percentile.
          double slowP99 = t + t * 0.99;
          double fastP99 = t / 2 * 0.99;
          scenarios =
              List.of(
                  new Scenario("slow canary", slow, query, number(slowP99)),
                  new Scenario("fast canary", fast, query, number(fastP99)),
                  new Scenario("no canary series", stable, query, null),
                  new Scenario(
                      "canary without requests",
                      idle,
                      "(" + query + ") != bool (" + query + ")",
                      "1"));
          results = List.of(List.of(slowP99), List.of(fastP99), List.of(), List.of(Double.NaN));
          phases = List.of(FAILED, SUCCESSFUL, INCONCLUSIVE, INCONCLUSIVE);
        }
        for (int i = 0; i < scenarios.size(); i++) {
          tests.append(test(scenarios.get(i)));
          assertEquals(
              phases.get(i),
              ArgoEvaluator.evaluate(results.get(i), success, failure),
              r.template().name() + ": " + scenarios.get(i).name());
        }
        checked++;
      }
    }
    assertEquals(8, checked);
    Path file = dir.resolve("canary-tests.yaml");
    Files.writeString(file, tests.toString(), StandardCharsets.UTF_8);
    Prerequisites.Output out =
        Prerequisites.run(List.of(promtool.toString(), "test", "rules", file.toString()), dir);
    assertTrue(out.ok(), out.stdout() + out.stderr() + "\n" + tests);
  }

  static PlatformSettings platformOf(CanaryAnalysisConditionsTest.Rendered r) {
    Path file = r.template().origin().file();
    Path serviceDir = file.toAbsolutePath().getParent();
    return PlatformReader.find(serviceDir, CanaryAnalysisConditionsTest.repoRootOf(serviceDir));
  }

  static String requests(String ns, String hashLabel, String hash, String code, int perMinute) {
    return series(
        "http_requests_total{namespace=\""
            + ns
            + "\",code=\""
            + code
            + "\","
            + hashLabel
            + "=\""
            + hash
            + "\"}",
        perMinute);
  }

  /** Cumulative buckets at t/2, t, 2t and +Inf; requests per minute in each of the first three. */
  static List<String> buckets(
      String ns, String hashLabel, String hash, double t, int fast, int medium, int slow) {
    List<String> out = new ArrayList<>();
    String[] le = {number(t / 2), number(t), number(2 * t), "+Inf"};
    int[] cumulative = {fast, fast + medium, fast + medium + slow, fast + medium + slow};
    for (int i = 0; i < le.length; i++) {
      out.add(
          series(
              "http_request_duration_seconds_bucket{namespace=\""
                  + ns
                  + "\","
                  + hashLabel
                  + "=\""
                  + hash
                  + "\",le=\""
                  + le[i]
                  + "\"}",
              cumulative[i]));
    }
    return out;
  }

  static String series(String selector, int perMinute) {
    return "    - series: '" + selector + "'\n      values: '0+" + perMinute + "x10'\n";
  }

  static String test(Scenario s) {
    StringBuilder sb = new StringBuilder("  - interval: 1m\n    input_series:\n");
    s.series().forEach(sb::append);
    sb.append("    promql_expr_test:\n");
    sb.append("    - expr: '").append(s.query().replace("'", "''")).append("'\n");
    sb.append("      eval_time: 10m\n");
    if (s.expected() == null) {
      sb.append("      exp_samples: []\n");
    } else {
      sb.append("      exp_samples:\n      - labels: '{}'\n        value: ")
          .append(s.expected())
          .append('\n');
    }
    return sb.toString();
  }

  static String number(double d) {
    return Double.toString(d); // the shortest form that reads back as d, as Go prints it
  }
}
