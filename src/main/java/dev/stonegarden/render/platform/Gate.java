package dev.stonegarden.render.platform;

import dev.stonegarden.render.service.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A blocking analysis: one the rollout waits for before it goes on, unlike the background analysis
 * of a canary, which runs until the rollout ends. An {@code analysis} step of a canary
 * (docs/canary.md#analysis-steps) and the pre- and post-promotion analysis of a blueGreen
 * (docs/blue-green.md#analysis).
 *
 * <p>A blocking analysis must finish: Argo Rollouts measures a metric with an {@code interval} and
 * no {@code count} until the run is stopped, which for a blocking run is never. So each gate's
 * templates are their own ({@code <workload>-<metric>-<suffix>}), with the background analysis's
 * limits and {@link #COUNT} measurements.
 */
enum Gate {
  /** An {@code analysis} step of a canary; its metrics are those of {@code rollout.analysis}. */
  STEP("step", "analysis"),
  /** blueGreen {@code prePromotionAnalysis}: the preview, before it becomes active. */
  PRE_PROMOTION("pre-promotion", "prePromotionAnalysis"),
  /** blueGreen {@code postPromotionAnalysis}: the new version, after it became active. */
  POST_PROMOTION("post-promotion", "postPromotionAnalysis");

  /**
   * Measurements of a blocking analysis: with the limits of the background analysis (failureLimit
   * 1, inconclusiveLimit 2) a run passes with at least two good measurements of five; five minutes
   * after the initial delay (docs/canary.md#analysis-steps).
   */
  static final int COUNT = 5;

  /** The suffix of the template names. */
  final String suffix;

  /** The key under {@code rollout} in service.yaml whose {@code metrics} this gate measures. */
  final String key;

  Gate(String suffix, String key) {
    this.suffix = suffix;
    this.key = key;
  }

  String templateName(String workload, ServiceSpec.Metric metric) {
    return workload + "-" + metric.name() + "-" + suffix;
  }

  /**
   * The metrics this gate measures, in the order service.yaml defines them: for {@link #STEP} the
   * background metrics some analysis step names (each once), else the blueGreen list.
   */
  List<ServiceSpec.Metric> metrics(ServiceSpec.Rollout rollout) {
    if (this != STEP) {
      if (!rollout.isBlueGreen()) {
        return List.of();
      }
      return this == PRE_PROMOTION
          ? rollout.blueGreen().prePromotion()
          : rollout.blueGreen().postPromotion();
    }
    Set<String> named = new LinkedHashSet<>();
    for (ServiceSpec.Step s : rollout.steps()) {
      if (s instanceof ServiceSpec.AnalysisStep a) {
        named.addAll(a.metrics());
      }
    }
    List<ServiceSpec.Metric> out = new ArrayList<>();
    for (ServiceSpec.Metric m : rollout.metrics()) {
      if (named.contains(m.name())) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The {@code analysis} of a Rollout (a step's, {@code prePromotionAnalysis}, {@code
   * postPromotionAnalysis}): the templates, and the new version's pod-template hash as their
   * argument.
   */
  static ObjectNode analysis(List<String> templateNames) {
    ObjectNode analysis = Nodes.object();
    ArrayNode templates = analysis.putArray("templates");
    templateNames.forEach(n -> templates.addObject().put("templateName", n));
    analysis
        .putArray("args")
        .addObject()
        .put("name", AnalysisTemplateGenerator.HASH_ARG)
        .putObject("valueFrom")
        .put("podTemplateHashValue", "Latest");
    return analysis;
  }
}
