package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The rendered blueGreen Rollouts and analysis steps of the golden cases pass the rules Argo
 * Rollouts' controller applies beyond its CRD schema (which {@code GoldenTest} checks), and every
 * name they reference exists. Each rule names where upstream states it (argoproj/argo-rollouts).
 */
class RolloutUpstreamRulesTest {
  static final Path GENERATE =
      Path.of(System.getProperty("fixtures.dir", "test-fixtures")).resolve("generate");

  /** Golden cases whose output holds blueGreen Rollouts or analysis steps. */
  static final List<String> CASES =
      List.of("bluegreen-services", "checkout-canary", "canary-analysis-steps");

  @TestFactory
  Stream<DynamicTest> renderedRollouts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String c : CASES) {
      Path stdout = GENERATE.resolve(c).resolve("expected.stdout");
      List<JsonNode> objects = new ArrayList<>();
      for (YamlDocument d :
          YamlReader.read(stdout, Files.readString(stdout), YamlReader.Options.resources())) {
        objects.add(d.root());
      }
      for (JsonNode o : objects) {
        if (o.path("kind").asString("").equals("Rollout")) {
          tests.add(
              dynamicTest(c + "/" + o.at("/metadata/name").asString(), () -> check(o, objects)));
        }
      }
    }
    assertFalse(tests.isEmpty());
    return tests.stream();
  }

  /** The rules fire: a background-style metric in a blocking run, one Service for both roles. */
  @Test
  void theRulesRejectWhatUpstreamRejects() {
    assertEquals(
        List.of("t: a blocking analysis metric with an interval needs a count to finish"),
        metricRules("t", Fixtures.tree("{name: m, interval: 1m}"), true));
    assertEquals(List.of(), metricRules("t", Fixtures.tree("{name: m, interval: 1m}"), false));
    assertEquals(
        List.of(
            "t: interval must be specified when count > 1",
            "t: count must be >= inconclusiveLimit"),
        metricRules("t", Fixtures.tree("{name: m, count: 2, inconclusiveLimit: 3}"), true));
    JsonNode rollout =
        Fixtures.tree(
            """
            kind: Rollout
            metadata: {name: web, namespace: ns}
            spec:
              template: {metadata: {labels: {app: web}}}
              strategy: {blueGreen: {activeService: web, previewService: web}}
            """);
    JsonNode service =
        Fixtures.tree(
            "{kind: Service, metadata: {name: web, namespace: ns}, spec: {selector: {app: web}}}");
    AssertionError e =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class, () -> check(rollout, List.of(rollout, service)));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("activeService and previewService must differ: web"),
        e.getMessage());
  }

  static void check(JsonNode rollout, List<JsonNode> objects) {
    List<String> problems = new ArrayList<>();
    String ns = rollout.at("/metadata/namespace").asString("");
    JsonNode strategy = rollout.at("/spec/strategy");
    // pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategy: exactly one of canary
    // and blueGreen (InvalidStrategyMessage, MissingFieldMessage).
    if (strategy.has("canary") == strategy.has("blueGreen")) {
      problems.add("strategy must have exactly one of canary and blueGreen");
    }
    JsonNode blueGreen = strategy.path("blueGreen");
    if (blueGreen.isObject()) {
      String active = blueGreen.path("activeService").asString("");
      String preview = blueGreen.path("previewService").asString("");
      // pkg/apis/rollouts/v1alpha1/types.go BlueGreenStrategy.ActiveService: no omitempty, the
      // controller needs it; validation.go ValidateRolloutStrategyBlueGreen:
      // DuplicatedServicesBlueGreenMessage.
      if (active.isEmpty()) {
        problems.add("blueGreen.activeService is required");
      }
      if (active.equals(preview)) {
        problems.add("activeService and previewService must differ: " + active);
      }
      // rollout/service.go getPreviewAndActiveServices: both are looked up in the Rollout's
      // namespace, and a missing one stops the reconciliation.
      for (String name : List.of(active, preview)) {
        JsonNode service = find(objects, "Service", ns, name);
        if (service == null) {
          problems.add("Service " + name + " does not exist in " + ns);
        } else if (!selects(service, rollout)) {
          problems.add("Service " + name + " does not select the Rollout's pods");
        }
      }
      // validation.go ValidateRolloutStrategyBlueGreen: scaleDownDelayRevisionLimit <=
      // revisionHistoryLimit (default 10).
      if (blueGreen.has("scaleDownDelayRevisionLimit")
          && blueGreen.path("scaleDownDelayRevisionLimit").asInt()
              > rollout.at("/spec/revisionHistoryLimit").asInt(10)) {
        problems.add("scaleDownDelayRevisionLimit exceeds revisionHistoryLimit");
      }
      for (String key : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
        analysis(blueGreen.path(key), "blueGreen." + key, true, ns, objects, problems);
      }
    }
    JsonNode canary = strategy.path("canary");
    if (canary.isObject()) {
      analysis(canary.path("analysis"), "canary.analysis", false, ns, objects, problems);
      JsonNode steps = canary.path("steps");
      for (int i = 0; i < steps.size(); i++) {
        analysis(
            steps.get(i).path("analysis"),
            "canary.steps[" + i + "].analysis",
            true,
            ns,
            objects,
            problems);
      }
      // rollout/analysis.go and utils/replicaset BeforeStartingStep: background analysis starts
      // at startingStep, an index of steps.
      int start = canary.at("/analysis/startingStep").asInt(0);
      if (start < 0 || start > Math.max(0, steps.size() - 1)) {
        problems.add("startingStep " + start + " is not a step");
      }
    }
    assertEquals(List.of(), problems, rollout.at("/metadata/name").asString());
  }

  /**
   * Every template named exists in the namespace and gets each argument it declares without a value
   * (utils/analysis/helpers.go ResolveArgs: "args.X was not resolved"); a blocking run's metrics
   * end.
   */
  static void analysis(
      JsonNode analysis,
      String where,
      boolean blocking,
      String ns,
      List<JsonNode> objects,
      List<String> problems) {
    if (!analysis.isObject()) {
      return;
    }
    List<String> passed = new ArrayList<>();
    analysis.path("args").forEach(a -> passed.add(a.path("name").asString("")));
    for (JsonNode ref : analysis.path("templates")) {
      String name = ref.path("templateName").asString("");
      JsonNode template = find(objects, "AnalysisTemplate", ns, name);
      if (template == null) {
        problems.add(where + ": no AnalysisTemplate " + name);
        continue;
      }
      for (JsonNode arg : template.at("/spec/args")) {
        if (!arg.has("value")
            && !arg.has("valueFrom")
            && !passed.contains(arg.path("name").asString(""))) {
          problems.add(where + ": " + name + " needs argument " + arg.path("name").asString());
        }
      }
      for (JsonNode metric : template.at("/spec/metrics")) {
        problems.addAll(metricRules(where + ": " + name, metric, blocking));
      }
    }
  }

  static List<String> metricRules(String where, JsonNode m, boolean blocking) {
    List<String> out = new ArrayList<>();
    int count = m.path("count").asInt(0);
    boolean interval = m.has("interval");
    int failureLimit = m.path("failureLimit").asInt(0);
    int successLimit = m.path("consecutiveSuccessLimit").asInt(0);
    int inconclusiveLimit = m.path("inconclusiveLimit").asInt(0);
    // utils/analysis/factory.go ValidateMetric.
    if (count > 1 && !interval) {
      out.add(where + ": interval must be specified when count > 1");
    }
    if (count > 0 && failureLimit >= 0 && count < failureLimit + successLimit) {
      out.add(where + ": count must be >= failureLimit + consecutiveSuccessLimit");
    }
    if (count > 0 && count < inconclusiveLimit) {
      out.add(where + ": count must be >= inconclusiveLimit");
    }
    // pkg/apis/rollouts/v1alpha1/analysis_types.go Metric.EffectiveCount: an interval without a
    // count runs until the run is terminated, which nothing does for a blocking run (an analysis
    // step, pre- or post-promotion analysis): it would never finish.
    if (blocking && count == 0 && interval) {
      out.add(where + ": a blocking analysis metric with an interval needs a count to finish");
    }
    return out;
  }

  static JsonNode find(List<JsonNode> objects, String kind, String ns, String name) {
    for (JsonNode o : objects) {
      if (o.path("kind").asString("").equals(kind)
          && o.at("/metadata/namespace").asString("").equals(ns)
          && o.at("/metadata/name").asString("").equals(name)) {
        return o;
      }
    }
    return null;
  }

  /** The Service's selector matches the Rollout's pod template labels. */
  static boolean selects(JsonNode service, JsonNode rollout) {
    JsonNode selector = service.at("/spec/selector");
    JsonNode labels = rollout.at("/spec/template/metadata/labels");
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    Map<String, String> want = new LinkedHashMap<>();
    selector.properties().forEach(e -> want.put(e.getKey(), e.getValue().asString()));
    for (Map.Entry<String, String> e : want.entrySet()) {
      if (!e.getValue().equals(labels.path(e.getKey()).asString(null))) {
        return false;
      }
    }
    return true;
  }
}
