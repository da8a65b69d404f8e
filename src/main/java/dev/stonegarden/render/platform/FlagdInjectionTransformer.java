package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Annotates the pod template of every workload (Deployment, StatefulSet, DaemonSet, Rollout with a
 * template of its own) for the OpenFeature Operator's flagd sidecar
 * (docs/feature-flags.md#sidecar-injection), in environments where a feature flag is rendered:
 * {@code openfeature.dev/enabled: "true"} and {@code openfeature.dev/featureflagsource:
 * <service>-flags}. A source list the overlay already names is kept and ours appended (the operator
 * merges them, the last one winning). Jobs and CronJobs are left alone.
 */
public record FlagdInjectionTransformer(ServiceSpec service, ServiceSpec.Environment environment)
    implements Transformer {

  static final String ENABLED = "openfeature.dev/enabled";
  static final String SOURCE = "openfeature.dev/featureflagsource";

  @Override
  public void transform(ResourceList resources) {
    if (service.featureFlags(environment.name()).isEmpty()) {
      return;
    }
    String source = FeatureFlagGenerator.objectName(service);
    for (Resource r : resources) {
      if (KindTables.workload(r) == null) {
        continue;
      }
      ObjectNode template = Nodes.objectAt(r.body(), KindTables.SPEC_TEMPLATE);
      if (template == null) {
        continue; // a Rollout with workloadRef: its Deployment's template is annotated
      }
      ObjectNode annotations = Nodes.ensure(template, List.of("metadata", "annotations"));
      annotations.put(ENABLED, "true");
      annotations.put(SOURCE, sources(annotations.get(SOURCE), source));
    }
  }

  /** The overlay's comma-separated list with {@code ours} appended unless it is there already. */
  static String sources(JsonNode existing, String ours) {
    List<String> names = new ArrayList<>();
    if (existing != null && existing.isString()) {
      for (String s : existing.stringValue().split(",")) {
        if (!s.isBlank()) {
          names.add(s.strip());
        }
      }
    }
    if (!names.contains(ours)) {
      names.add(ours);
    }
    return String.join(", ", names);
  }

  /** What {@code --verbose} prints; nothing for a service without feature flags. */
  @Override
  public String toString() {
    if (service.featureFlags().isEmpty()) {
      return "";
    }
    return service.featureFlags(environment.name()).isEmpty()
        ? "flagd injection: off (no flag in environment " + environment.name() + ")"
        : "flagd injection: workloads annotated with "
            + SOURCE
            + ": "
            + FeatureFlagGenerator.objectName(service);
  }
}
