package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two Services of every blueGreen Rollout the platform converted (docs/blue-green.md#services):
 * the workload's own Service of the overlay is the {@code activeService}, and a preview Service
 * {@code <Service>-preview} is generated from it (its ports and selector, a ClusterIP Service; the
 * controller adds the pod-template-hash selector to both at run time, so each reaches one version).
 *
 * <p>The workload's Service is the Service of its namespace whose selector matches the pod
 * template's labels; of several, the one named like the workload. A workload without one, or with
 * several and none named like it, is an error (Argo Rollouts requires {@code activeService}); so is
 * an object of the overlay that already has the preview's name. Overlay Rollouts keep their own
 * Services.
 */
public record PreviewServiceGenerator(ServiceSpec service, ServiceSpec.Environment environment)
    implements Transformer {

  static final String SUFFIX = "-preview";

  @Override
  public void transform(ResourceList resources) {
    ServiceSpec.Rollout rollout = environment.rollout();
    if (rollout == null || !rollout.isBlueGreen()) {
      return;
    }
    Problems problems = new Problems();
    List<Resource> services = resources.select(r -> KindTables.is(r, KindTables.SERVICE));
    Set<NamespacedName> taken = new HashSet<>(); // looked up only
    services.forEach(s -> taken.add(new NamespacedName(s.id().effectiveNamespace(), s.name())));
    List<Resource> previews = new ArrayList<>();
    for (Resource r : resources.select(PreviewServiceGenerator::converted)) {
      ObjectNode blueGreen = Nodes.objectAt(r.body(), List.of("spec", "strategy", "blueGreen"));
      Resource active = activeService(r, services, problems);
      if (blueGreen == null || active == null) {
        continue;
      }
      String preview = active.name() + SUFFIX;
      String namespace = active.id().effectiveNamespace();
      if (taken.contains(new NamespacedName(namespace, preview))) {
        Resource clash =
            services.stream()
                .filter(
                    s -> s.name().equals(preview) && s.id().effectiveNamespace().equals(namespace))
                .findFirst()
                .get();
        problems.error(
            clash.positionOf("/metadata/name"),
            Nodes.describe(clash)
                + " has the name of the preview Service that the blueGreen "
                + Nodes.describe(r)
                + " needs (the workload's Service "
                + active.name()
                + " plus \""
                + SUFFIX
                + "\", docs/blue-green.md#services): rename or remove it; the platform generates"
                + " the preview Service");
        continue;
      }
      taken.add(new NamespacedName(namespace, preview));
      blueGreen.put("activeService", active.name());
      blueGreen.put("previewService", preview);
      previews.add(previewOf(active, preview));
    }
    problems.throwIfErrors();
    resources.addAll(previews);
  }

  /** A Rollout the platform made from a Deployment (not one of the overlay's). */
  private static boolean converted(Resource r) {
    return KindTables.is(r, KindTables.ROLLOUT)
        && r.previousIds().stream().anyMatch(id -> KindTables.DEPLOYMENT.sameGroupKind(id.gvk()));
  }

  /** The workload's Service, or null after reporting why there is none. */
  private Resource activeService(Resource rollout, List<Resource> services, Problems problems) {
    ObjectNode labels =
        Nodes.objectAt(rollout.body(), List.of("spec", "template", "metadata", "labels"));
    String namespace = rollout.id().effectiveNamespace();
    List<Resource> matching = new ArrayList<>();
    for (Resource s : services) {
      ObjectNode selector = Nodes.objectAt(s.body(), List.of("spec", "selector"));
      if (s.id().effectiveNamespace().equals(namespace)
          && !Trees.string(Nodes.objectAt(s.body(), List.of("spec")), "type").equals("ExternalName")
          && selector != null
          && !selector.isEmpty()
          && labels != null
          && selects(selector, labels)) {
        matching.add(s);
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    for (Resource s : matching) {
      if (s.name().equals(rollout.name())) {
        return s;
      }
    }
    String what =
        matching.isEmpty()
            ? "no Service of the overlay selects its pods"
            : "several Services select its pods ("
                + String.join(", ", matching.stream().map(Nodes::describe).toList())
                + ") and none is named "
                + rollout.name();
    problems.error(
        rollout.origin(),
        "Deployment/"
            + rollout.name()
            + " becomes a blueGreen Rollout (environment "
            + environment.name()
            + "), which needs the workload's Service as its active Service, but "
            + what
            + ": add a Service named "
            + rollout.name()
            + " whose selector matches the pod template's labels (docs/blue-green.md#services)");
    return null;
  }

  private static boolean selects(ObjectNode selector, ObjectNode labels) {
    for (Map.Entry<String, JsonNode> e : selector.properties()) {
      JsonNode have = labels.get(e.getKey());
      if (have == null || !Trees.jsonText(have).equals(Trees.jsonText(e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The preview: the active Service's namespace, labels, ports (without node ports) and selector,
   * as a ClusterIP Service; attributed to the active Service it is derived from.
   */
  private static Resource previewOf(Resource active, String name) {
    ObjectNode body =
        Nodes.newObject(
            active.apiVersion(),
            "Service",
            name,
            active.namespace().isEmpty() ? null : active.namespace());
    ObjectNode labels = Nodes.objectAt(active.body(), List.of("metadata", "labels"));
    if (labels != null && !labels.isEmpty()) {
      body.withObjectProperty("metadata").set("labels", labels.deepCopy());
    }
    ObjectNode spec = body.putObject("spec");
    JsonNode ports = active.body().at("/spec/ports");
    if (ports instanceof ArrayNode list) {
      ArrayNode copy = list.deepCopy();
      for (JsonNode p : copy) {
        if (p instanceof ObjectNode o) {
          o.remove("nodePort");
        }
      }
      spec.set("ports", copy);
    }
    spec.set("selector", active.body().at("/spec/selector").deepCopy());
    return Nodes.generated(body, active.origin());
  }

  /** A Service's name in its effective namespace. */
  private record NamespacedName(String namespace, String name) {}

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    ServiceSpec.Rollout r = environment.rollout();
    return "preview services: "
        + (r != null && r.isBlueGreen()
            ? "<Service>" + SUFFIX + " per blueGreen Rollout"
            : "none (no blueGreen)");
  }
}
