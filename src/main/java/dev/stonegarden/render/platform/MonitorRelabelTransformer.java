package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.Trees;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds to every PodMonitor and ServiceMonitor endpoint the relabeling that copies the pod label
 * {@code rollouts-pod-template-hash} (set by Argo Rollouts on every pod it manages) into the label
 * canary analysis selects by (platform.yaml {@code canary.hashLabel}; docs/canary.md). Runs only in
 * environments with a rollout when platform.yaml sets {@code canary.relabelMonitors: true}; an
 * endpoint that already writes that target label is left alone.
 *
 * @param hashLabel the target label, e.g. {@code rollouts_pod_template_hash}
 * @param enabled whether the step does anything
 */
public record MonitorRelabelTransformer(String hashLabel, boolean enabled) implements Transformer {

  /** The Prometheus service-discovery label of the pod label {@code rollouts-pod-template-hash}. */
  static final String SOURCE_LABEL = "__meta_kubernetes_pod_label_rollouts_pod_template_hash";

  /** Monitor kinds and the array of their endpoints. */
  private static final List<Monitor> MONITORS =
      List.of(
          new Monitor(KindTables.POD_MONITOR, "podMetricsEndpoints"),
          new Monitor(KindTables.SERVICE_MONITOR, "endpoints"));

  private record Monitor(Gvk kind, String endpoints) {}

  @Override
  public void transform(ResourceList resources) {
    if (!enabled) {
      return;
    }
    for (Resource r : resources) {
      for (Monitor m : MONITORS) {
        if (KindTables.is(r, m.kind())) {
          ObjectNode spec = Nodes.objectAt(r.body(), List.of("spec"));
          for (ObjectNode endpoint : Nodes.objects(spec, m.endpoints())) {
            relabel(endpoint);
          }
        }
      }
    }
  }

  private void relabel(ObjectNode endpoint) {
    JsonNode existing = endpoint.get("relabelings");
    ArrayNode relabelings = existing instanceof ArrayNode a ? a : endpoint.putArray("relabelings");
    for (JsonNode rule : relabelings) {
      if (hashLabel.equals(Trees.string(rule, "targetLabel"))) {
        return;
      }
    }
    ObjectNode rule = relabelings.addObject();
    rule.put("action", "replace");
    rule.putArray("sourceLabels").add(SOURCE_LABEL);
    rule.put("targetLabel", hashLabel);
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    return enabled
        ? "monitor relabeling: PodMonitors and ServiceMonitors copy the pod-template hash into "
            + hashLabel
        : "monitor relabeling: off";
  }
}
