package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.ArgoEvaluator.Phase.FAILED;
import static dev.stonegarden.render.platform.ArgoEvaluator.Phase.INCONCLUSIVE;
import static dev.stonegarden.render.platform.ArgoEvaluator.Phase.SUCCESSFUL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every built-in metric the render generates, evaluated with Argo Rollouts' semantics ({@link
 * ArgoEvaluator}): no series ({@code []}) and no requests ({@code [NaN]}) are Inconclusive, a value
 * on the good side of the service.yaml threshold is Successful, one on the bad side Failed
 * (docs/canary.md). Rendered from the example's canary environment and the three-workload golden
 * case, through the whole pipeline.
 */
class CanaryAnalysisConditionsTest {
  static final Path PROJECT = Path.of(System.getProperty("project.dir", "."));

  record Rendered(ServiceSpec.Environment environment, Resource template) {}

  static List<Rendered> templates(Path serviceDir, Path repoRoot, String env) {
    PlatformSettings platform = PlatformReader.find(serviceDir, repoRoot);
    ServiceSpec service = ServiceReader.read(serviceDir.resolve("service.yaml"), platform);
    ServiceSpec.Environment environment = service.environment(env).orElseThrow();
    List<Rendered> out = new ArrayList<>();
    for (Resource r :
        new EnvironmentRenderer(null)
            .build(service, environment, platform, repoRoot, ArgoEnvironment.none())
            .resources()) {
      if (r.kind().equals("AnalysisTemplate")) {
        out.add(new Rendered(environment, r));
      }
    }
    return out;
  }

  /** The repository root of the two fixtures: the project for the example, the case's app/. */
  static Path repoRootOf(Path serviceDir) {
    Path shop = PROJECT.resolve("test-fixtures/generate/canary-workloads/app").toAbsolutePath();
    return serviceDir.toAbsolutePath().startsWith(shop) ? shop : PROJECT;
  }

  static List<Rendered> all() {
    List<Rendered> all = new ArrayList<>();
    Path examples = PROJECT.resolve("examples/kubernetes");
    all.addAll(templates(examples.resolve("services/audiobookshelf"), PROJECT, "canary"));
    Path shop = PROJECT.resolve("test-fixtures/generate/canary-workloads/app");
    all.addAll(templates(shop.resolve("kubernetes/services/shop"), shop, "canary"));
    return all;
  }

  @TestFactory
  Stream<org.junit.jupiter.api.DynamicTest> everyGeneratedMetric() {
    List<Rendered> all = all();
    assertEquals(8, all.size(), "2 metrics of audiobookshelf, 2 metrics x 3 workloads of shop");
    List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
    for (Rendered r : all) {
      for (JsonNode metric : r.template().body().at("/spec/metrics")) {
        tests.add(
            dynamicTest(
                r.template().name() + "/" + metric.get("name").stringValue(),
                () -> check(r.environment(), metric)));
      }
    }
    return tests.stream();
  }

  static void check(ServiceSpec.Environment env, JsonNode metric) {
    String success = metric.get("successCondition").stringValue();
    String failure = metric.get("failureCondition").stringValue();
    ServiceSpec.Metric spec =
        env.rollout().metrics().stream()
            .filter(m -> m.name().equals(metric.get("name").stringValue()))
            .findFirst()
            .orElseThrow();
    double good;
    double bad;
    BigDecimal threshold;
    if (spec instanceof ServiceSpec.SuccessRate s) {
      BigDecimal ratio = s.ratio();
      threshold = ratio;
      good = 1.0; // no errors
      bad = ratio.subtract(new BigDecimal("0.05")).doubleValue(); // 5 points of errors more
    } else {
      BigDecimal seconds = ((ServiceSpec.Latency) spec).seconds();
      threshold = seconds;
      good = seconds.divide(BigDecimal.valueOf(2)).doubleValue();
      bad = seconds.multiply(BigDecimal.valueOf(2)).doubleValue();
    }
    assertEquals(INCONCLUSIVE, ArgoEvaluator.evaluate(List.of(), success, failure), "[]");
    assertEquals(
        INCONCLUSIVE, ArgoEvaluator.evaluate(List.of(Double.NaN), success, failure), "NaN");
    assertEquals(SUCCESSFUL, ArgoEvaluator.evaluate(List.of(good), success, failure), "" + good);
    assertEquals(FAILED, ArgoEvaluator.evaluate(List.of(bad), success, failure), "" + bad);
    // Exactly at the threshold passes: the gate is ">=" for ratios and "<=" for latency.
    double edge = threshold.doubleValue();
    assertEquals(SUCCESSFUL, ArgoEvaluator.evaluate(List.of(edge), success, failure), "edge");
  }

  /** The evaluator itself, on what Argo documents and its Go source does. */
  @Test
  void evaluatorFollowsArgo() {
    // Only a success condition: not success is failure; [] makes result[0] an evaluation error.
    assertEquals(FAILED, ArgoEvaluator.evaluate(List.of(0.5), "result[0] >= 0.95", null));
    assertEquals(
        ArgoEvaluator.Phase.ERROR, ArgoEvaluator.evaluate(List.of(), "result[0] >= 0.95", null));
    // The old guard made no data a pass.
    assertEquals(
        SUCCESSFUL,
        ArgoEvaluator.evaluate(
            List.of(), "len(result) == 0 || isNaN(result[0]) || result[0] >= 0.95", null));
    // NaN compares false with everything (Go), so a bare condition on NaN is Failed.
    assertEquals(FAILED, ArgoEvaluator.evaluate(List.of(Double.NaN), "result[0] >= 0.95", null));
    // Only a failure condition: not failure is success.
    assertEquals(SUCCESSFUL, ArgoEvaluator.evaluate(List.of(0.1), null, "result[0] > 5"));
    // Both given and neither true: Inconclusive; both true: failure wins.
    assertEquals(
        INCONCLUSIVE, ArgoEvaluator.evaluate(List.of(3.0), "result[0] < 1", "result[0] > 5"));
    assertEquals(FAILED, ArgoEvaluator.evaluate(List.of(9.0), "result[0] > 1", "result[0] > 5"));
    // Short-circuit: the right side of && is not evaluated when the left is false.
    assertFalse(ArgoEvaluator.condition(List.of(), "len(result) > 0 && result[0] > 1"));
  }
}
