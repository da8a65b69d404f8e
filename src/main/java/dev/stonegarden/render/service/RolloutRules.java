package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules of one environment's {@code rollout} block that depend on its strategy, worded for
 * people (the schema's {@code allOf} says the same for editors; its complaints are not printed):
 *
 * <ul>
 *   <li>a canary needs {@code steps}; the blueGreen keys are not for it;
 *   <li>a blueGreen has neither steps nor background analysis (Argo Rollouts' {@code blueGreen} has
 *       no such fields), and {@code autoPromotionSeconds} means nothing with {@code
 *       autoPromotionEnabled: false} (Argo Rollouts ignores it, docs/blue-green.md#settings);
 *   <li>an {@code analysis} step names metrics of {@code rollout.analysis.metrics}
 *       (docs/canary.md#analysis-steps), each once.
 * </ul>
 *
 * Every check tolerates a wrongly typed tree: the schema reports those.
 */
final class RolloutRules {
  /**
   * Keys of {@code rollout} that only a blueGreen has, in schema order ({@code
   * scaleDownDelaySeconds} is also a routed canary's, docs/traffic-routing.md).
   */
  static final List<String> BLUE_GREEN_KEYS =
      List.of(
          "autoPromotionEnabled",
          "autoPromotionSeconds",
          "prePromotionAnalysis",
          "postPromotionAnalysis");

  private final SourceMap map;
  private final Problems problems;

  RolloutRules(SourceMap map, Problems problems) {
    this.map = map;
    this.problems = problems;
  }

  /**
   * @param pointer the rollout block, e.g. {@code /spec/environments/2/rollout}
   */
  void check(String pointer, JsonNode rollout) {
    if (!rollout.isObject()) {
      return;
    }
    JsonNode strategy = rollout.get("strategy");
    if (strategy == null || !strategy.isString()) {
      return;
    }
    switch (strategy.stringValue()) {
      case ServiceSpec.Rollout.BLUE_GREEN -> blueGreen(pointer, rollout);
      case ServiceSpec.Rollout.CANARY -> canary(pointer, rollout);
      default -> {} // the schema's enum reports it
    }
  }

  private void blueGreen(String pointer, JsonNode rollout) {
    if (rollout.has("steps")) {
      problems.error(
          map.keyPosition(pointer + "/steps"),
          "a blueGreen rollout has no steps: the new version starts as a preview beside the active"
              + " one and is promoted as a whole (automatically, after autoPromotionSeconds, or by"
              + " kubectl argo rollouts promote); remove steps, or use strategy: canary");
    }
    if (rollout.has("analysis")) {
      problems.error(
          map.keyPosition(pointer + "/analysis"),
          "a blueGreen rollout has no background analysis: measure the preview before the switch"
              + " with prePromotionAnalysis, or the new version after it with"
              + " postPromotionAnalysis (same metrics)");
    }
    JsonNode enabled = rollout.get("autoPromotionEnabled");
    if (rollout.has("autoPromotionSeconds")
        && enabled != null
        && enabled.isBoolean()
        && !enabled.booleanValue()) {
      problems.error(
          map.keyPosition(pointer + "/autoPromotionSeconds"),
          "autoPromotionSeconds has no effect with autoPromotionEnabled: false (line "
              + map.positionOf(pointer + "/autoPromotionEnabled").line()
              + "): Argo Rollouts ignores it and waits for kubectl argo rollouts promote; remove"
              + " autoPromotionSeconds, or autoPromotionEnabled to promote after the delay");
    }
  }

  private void canary(String pointer, JsonNode rollout) {
    if (!rollout.has("steps")) {
      problems.error(
          map.keyPosition(pointer),
          "missing required key \"steps\" in "
              + Trees.path(pointer)
              + " (a canary rollout needs its steps, e.g. \"- setWeight: 10\" and \"- pause:"
              + " {duration: 5m}\")");
    }
    for (String key : BLUE_GREEN_KEYS) {
      if (rollout.has(key)) {
        problems.error(
            map.keyPosition(pointer + "/" + key),
            key + " is only for strategy: blueGreen (this rollout is a canary)");
      }
    }
    analysisSteps(pointer, rollout);
  }

  /** Each metric an analysis step names is one of rollout.analysis.metrics, named once. */
  private void analysisSteps(String pointer, JsonNode rollout) {
    JsonNode steps = rollout.get("steps");
    if (steps == null || !steps.isArray()) {
      return;
    }
    List<String> known = new ArrayList<>();
    for (JsonNode m : rollout.at("/analysis/metrics").values()) {
      JsonNode name = m.get("name");
      if (name != null && name.isString()) {
        known.add(name.stringValue());
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      String step = pointer + "/steps/" + i + "/analysis";
      JsonNode names = steps.get(i).at("/analysis/metrics");
      if (!names.isArray()) {
        continue;
      }
      if (known.isEmpty() && !names.isEmpty()) {
        problems.error(
            map.keyPosition(step),
            "an analysis step names metrics of "
                + Trees.path(pointer + "/analysis/metrics")
                + ", and this rollout has none: define the metrics there (they also run as"
                + " background analysis), then name them here");
        continue;
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int j = 0; j < names.size(); j++) {
        JsonNode name = names.get(j);
        if (!name.isString()) {
          continue;
        }
        String n = name.stringValue();
        String at = step + "/metrics/" + j;
        Integer first = seen.putIfAbsent(n, j);
        if (first != null) {
          problems.error(
              map.positionOf(at), "metric \"" + n + "\" is named twice in this analysis step");
        } else if (!known.contains(n)) {
          problems.error(
              map.positionOf(at),
              "unknown metric \""
                  + n
                  + "\" in an analysis step: "
                  + Trees.path(pointer + "/analysis/metrics")
                  + " has "
                  + String.join(", ", known)
                  + Spelling.didYouMean(n, known));
        }
      }
    }
  }
}
