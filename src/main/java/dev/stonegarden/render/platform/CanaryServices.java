package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable and canary Services of a routed Rollout (docs/traffic-routing.md#services): the
 * workload's Service (the overlay's Service whose selector matches the Rollout's pod labels) is the
 * stable one; the canary Service {@code <service>-canary} is derived from it. Argo Rollouts adds
 * the {@code rollouts-pod-template-hash} selector to both.
 */
final class CanaryServices {
  private CanaryServices() {}

  static final String SUFFIX = "-canary";

  /**
   * The Service that selects the pods of {@code rollout}: not headless, a non-empty selector whose
   * every label the pod template carries, and not itself a canary Service of another candidate.
   * Several: the one named like the Rollout, else an error naming them. None: an error.
   */
  static Resource workloadService(
      ResourceList resources, Resource rollout, Problems problems, SourcePosition origin) {
    JsonNode labels = rollout.body().path("spec").path("template").path("metadata").path("labels");
    List<Resource> candidates = new ArrayList<>();
    for (Resource s :
        resources.select(r -> r.gvk().group().isEmpty() && r.kind().equals("Service"))) {
      JsonNode spec = s.body().path("spec");
      JsonNode selector = spec.path("selector");
      if (!selector.isObject()
          || selector.isEmpty()
          || "None".equals(Trees.text(spec.path("clusterIP")))) {
        continue;
      }
      boolean matches = true;
      for (Map.Entry<String, JsonNode> e : selector.properties()) {
        if (!Trees.text(e.getValue()).equals(labels.path(e.getKey()).asString(null))) {
          matches = false;
        }
      }
      if (matches) {
        candidates.add(s);
      }
    }
    List<String> names = new ArrayList<>();
    candidates.forEach(c -> names.add(c.name()));
    candidates.removeIf(c -> c.name().endsWith(SUFFIX) && names.contains(base(c.name())));
    if (candidates.size() > 1) {
      for (Resource c : candidates) {
        if (c.name().equals(rollout.name())) {
          return c;
        }
      }
      List<String> left = new ArrayList<>();
      candidates.forEach(c -> left.add(c.name()));
      problems.error(
          origin,
          "the traffic router needs the Service of "
              + Nodes.describe(rollout)
              + ", and several Services select its pods ("
              + String.join(", ", left)
              + "): name one of them like the Rollout ("
              + rollout.name()
              + "), or narrow the others' selectors");
      return null;
    }
    if (candidates.isEmpty()) {
      problems.error(
          origin,
          "the traffic router needs the Service of "
              + Nodes.describe(rollout)
              + ", and no Service of the overlay selects its pods: add a Service whose selector"
              + " matches the pod template's labels");
      return null;
    }
    return candidates.get(0);
  }

  private static String base(String canaryName) {
    return canaryName.substring(0, canaryName.length() - SUFFIX.length());
  }

  /**
   * The canary Service of {@code stable}: the overlay's {@code <stable>-canary} when it has one,
   * else a new one with the stable Service's labels, selector and ports (without node ports: it is
   * a ClusterIP Service, whatever the stable one's type).
   *
   * @return its name
   */
  static String ensureCanary(ResourceList resources, Resource stable, SourcePosition origin) {
    String name = stable.name() + SUFFIX;
    for (Resource r : resources) {
      if (r.gvk().group().isEmpty() && r.kind().equals("Service") && r.name().equals(name)) {
        return name;
      }
    }
    ObjectNode body = Nodes.newObject("v1", "Service", name, stable.namespace());
    JsonNode labels = stable.body().path("metadata").path("labels");
    if (labels.isObject() && !labels.isEmpty()) {
      ((ObjectNode) body.get("metadata")).set("labels", labels.deepCopy());
    }
    ObjectNode spec = body.putObject("spec");
    ArrayNode ports = spec.putArray("ports");
    for (ObjectNode p : Nodes.objects(stable.body().path("spec"), "ports")) {
      ObjectNode copy = p.deepCopy();
      copy.remove("nodePort");
      ports.add(copy);
    }
    spec.set("selector", stable.body().path("spec").path("selector").deepCopy());
    resources.add(Nodes.generated(body, origin));
    return name;
  }

  /** The stable Service's first port number, or null when it has none. */
  static JsonNode firstPort(Resource stable) {
    List<ObjectNode> ports = Nodes.objects(stable.body().path("spec"), "ports");
    return ports.isEmpty() ? null : ports.get(0).get("port");
  }
}
