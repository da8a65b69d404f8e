package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code rollout} keys of issue 11 in service.yaml: inline analysis steps and strategy
 * blueGreen (docs/canary.md#analysis-steps, docs/blue-green.md). One row per field that binds and
 * one per mistake, each with the exact diagnostic and its position.
 */
class RolloutRulesTest {
  private static final PlatformSettings PLATFORM = PlatformReader.defaults();

  /** A service.yaml with one environment whose rollout block is {@code rollout} (from line 12). */
  static String service(String rollout) {
    StringBuilder sb =
        new StringBuilder(
            """
            apiVersion: platform.stonegarden.dev/v1alpha1
            kind: Service
            metadata:
              name: shop
            spec:
              owner:
                team: commerce
              environments:
                - name: canary
                  namespace: shop-canary
                  rollout:
            """);
    for (String line : rollout.stripTrailing().split("\n", -1)) {
      sb.append("        ").append(line).append('\n');
    }
    return sb.toString();
  }

  static ServiceSpec read(String rollout) {
    return ServiceReader.readText(
        Path.of("service.yaml"), service(rollout), PLATFORM, new Problems());
  }

  static List<String> errors(String rollout) {
    InputException e = assertThrows(InputException.class, () -> read(rollout));
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  static final String METRICS =
      """
      analysis:
        metrics:
          - name: success-rate
            threshold: 99
          - name: latency
            threshold: 250ms
      """;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "steps with blueGreen",
            """
            strategy: blueGreen
            steps:
              - setWeight: 10
            """,
            List.of(
                "service.yaml:13:9: error: a blueGreen rollout has no steps: the new version starts"
                    + " as a preview beside the active one and is promoted as a whole"
                    + " (automatically, after autoPromotionSeconds, or by kubectl argo rollouts"
                    + " promote); remove steps, or use strategy: canary")),
        Arguments.of(
            "background analysis with blueGreen",
            "strategy: blueGreen\n" + METRICS,
            List.of(
                "service.yaml:13:9: error: a blueGreen rollout has no background analysis: measure"
                    + " the preview before the switch with prePromotionAnalysis, or the new version"
                    + " after it with postPromotionAnalysis (same metrics)")),
        Arguments.of(
            "autoPromotionSeconds with autoPromotionEnabled false",
            """
            strategy: blueGreen
            autoPromotionEnabled: false
            autoPromotionSeconds: 600
            """,
            List.of(
                "service.yaml:14:9: error: autoPromotionSeconds has no effect with"
                    + " autoPromotionEnabled: false (line 13): Argo Rollouts ignores it and waits"
                    + " for kubectl argo rollouts promote; remove autoPromotionSeconds, or"
                    + " autoPromotionEnabled to promote after the delay")),
        Arguments.of(
            "blueGreen keys with canary",
            """
            strategy: canary
            steps: [{setWeight: 10}]
            autoPromotionEnabled: true
            prePromotionAnalysis:
              metrics: [{name: success-rate, threshold: 99}]
            """,
            List.of(
                "service.yaml:14:9: error: autoPromotionEnabled is only for strategy: blueGreen"
                    + " (this rollout is a canary)",
                "service.yaml:15:9: error: prePromotionAnalysis is only for strategy: blueGreen"
                    + " (this rollout is a canary)")),
        Arguments.of(
            "canary without steps",
            "strategy: canary\n",
            List.of(
                "service.yaml:11:7: error: missing required key \"steps\" in"
                    + " spec.environments[0].rollout (a canary rollout needs its steps, e.g. \"-"
                    + " setWeight: 10\" and \"- pause: {duration: 5m}\")")),
        Arguments.of(
            "unknown metric in an analysis step, with a near miss",
            """
            strategy: canary
            steps:
              - setWeight: 10
              - analysis: {metrics: [sucess-rate, cpu]}
            """
                + METRICS,
            List.of(
                "service.yaml:15:34: error: unknown metric \"sucess-rate\" in an analysis step:"
                    + " spec.environments[0].rollout.analysis.metrics has success-rate, latency;"
                    + " did you mean \"success-rate\"?",
                "service.yaml:15:47: error: unknown metric \"cpu\" in an analysis step:"
                    + " spec.environments[0].rollout.analysis.metrics has success-rate, latency")),
        Arguments.of(
            "analysis step without background metrics",
            """
            strategy: canary
            steps:
              - analysis: {metrics: [success-rate]}
            """,
            List.of(
                "service.yaml:14:13: error: an analysis step names metrics of"
                    + " spec.environments[0].rollout.analysis.metrics, and this rollout has none:"
                    + " define the metrics there (they also run as background analysis), then name"
                    + " them here")),
        Arguments.of(
            "a metric named twice in one step",
            """
            strategy: canary
            steps:
              - analysis: {metrics: [latency, latency]}
            """
                + METRICS,
            List.of(
                "service.yaml:14:43: error: metric \"latency\" is named twice in this analysis"
                    + " step")),
        Arguments.of(
            "an analysis step with another key",
            """
            strategy: canary
            steps:
              - analysis: {metrics: [latency]}
                setWeight: 10
            """
                + METRICS,
            List.of(
                "service.yaml:14:13: error: spec.environments[0].rollout.steps[0] must have exactly"
                    + " one of setWeight, setCanaryScale, setHeaderRoute, setMirrorRoute, pause or analysis, found analysis and setWeight")),
        Arguments.of(
            "an empty metric list in a step",
            """
            strategy: canary
            steps:
              - analysis: {metrics: []}
            """
                + METRICS,
            List.of(
                "service.yaml:14:24: error: spec.environments[0].rollout.steps[0].analysis.metrics"
                    + " must not be empty")),
        Arguments.of(
            "strategy neither canary nor blueGreen",
            """
            strategy: blue-green
            """,
            List.of(
                "service.yaml:12:19: error: spec.environments[0].rollout.strategy must be one of"
                    + " canary, blueGreen, found \"blue-green\"")),
        Arguments.of(
            "negative autoPromotionSeconds and a string scaleDownDelaySeconds",
            """
            strategy: blueGreen
            autoPromotionSeconds: -1
            scaleDownDelaySeconds: 30s
            """,
            List.of(
                "service.yaml:13:31: error: spec.environments[0].rollout.autoPromotionSeconds must"
                    + " be at least 0, found -1",
                "service.yaml:14:32: error: spec.environments[0].rollout.scaleDownDelaySeconds must"
                    + " be an integer, found \"30s\"")),
        Arguments.of(
            "promotion analysis metrics are checked like background metrics",
            """
            strategy: blueGreen
            postPromotionAnalysis:
              metrics:
                - name: latency
                  threshold: 100
            """,
            List.of(
                "service.yaml:16:26: error: threshold of latency must be a duration in milliseconds"
                    + " or seconds (100ms, 0.5s, 2s), found 100")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakesAreErrorsAtTheirPosition(String name, String rollout, List<String> expected) {
    assertEquals(expected, errors(rollout));
  }

  @Test
  void analysisStepsBindTheNamesInOrder() {
    ServiceSpec.Rollout r =
        read("""
                strategy: canary
                steps:
                  - setWeight: 10
                  - analysis: {metrics: [latency, success-rate]}
                  - pause: {}
                """
                + METRICS)
            .environments()
            .get(0)
            .rollout();
    assertEquals(
        List.of(
            new ServiceSpec.SetWeight(10),
            new ServiceSpec.AnalysisStep(List.of("latency", "success-rate")),
            new ServiceSpec.Pause(null)),
        r.steps());
    assertEquals(null, r.blueGreen());
  }

  @Test
  void blueGreenBindsEveryField() {
    ServiceSpec.Rollout r =
        read("""
                strategy: blueGreen
                autoPromotionEnabled: true
                autoPromotionSeconds: 300
                scaleDownDelaySeconds: 0
                prePromotionAnalysis:
                  metrics: [{name: success-rate, threshold: 99.5}]
                postPromotionAnalysis:
                  metrics:
                    - {name: latency, threshold: 300ms}
                    - name: errors
                      query: sum(rate(errors_total[2m]))
                      successCondition: result[0] < 1
                """)
            .environments()
            .get(0)
            .rollout();
    assertEquals(List.of(), r.steps());
    assertEquals(List.of(), r.metrics());
    ServiceSpec.BlueGreen bg = r.blueGreen();
    assertEquals(Boolean.TRUE, bg.autoPromotionEnabled());
    assertEquals(300, bg.autoPromotionSeconds());
    assertEquals(0, bg.scaleDownDelaySeconds());
    assertEquals(
        List.of(new ServiceSpec.SuccessRate("success-rate", new BigDecimal("0.995"), 0)),
        bg.prePromotion());
    assertEquals(List.of("latency", "errors"), names(bg.postPromotion()));
    assertEquals(1, bg.postPromotion().get(1).index());
  }

  @Test
  void blueGreenAloneLeavesEverythingToArgoRolloutsDefaults() {
    ServiceSpec.BlueGreen bg =
        read("strategy: blueGreen\n").environments().get(0).rollout().blueGreen();
    assertEquals(new ServiceSpec.BlueGreen(null, null, null, List.of(), List.of()), bg);
  }

  @Test
  void autoPromotionSecondsWithAutoPromotionEnabledTrueIsFine() {
    ServiceSpec.BlueGreen bg =
        read("strategy: blueGreen\nautoPromotionEnabled: true\nautoPromotionSeconds: 60\n")
            .environments()
            .get(0)
            .rollout()
            .blueGreen();
    assertEquals(60, bg.autoPromotionSeconds());
  }

  private static List<String> names(List<ServiceSpec.Metric> metrics) {
    return metrics.stream().map(ServiceSpec.Metric::name).toList();
  }
}
