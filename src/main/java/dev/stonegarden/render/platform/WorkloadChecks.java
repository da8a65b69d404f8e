package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks of the workloads that run the pods (docs/canary.md#the-seeds-layout): two workloads of one
 * namespace whose selectors overlap fight over the same pods (an error naming both); a Rollout that
 * takes a Deployment's pods through {@code workloadRef} without {@code scaleDown} leaves the
 * Deployment serving (a warning naming the setting; the render never sets it, as its values change
 * what happens to running pods).
 *
 * @param rolloutEnvironment whether the environment has a rollout block: a Deployment and a Rollout
 *     of one name are then the clash {@link CanaryRolloutTransformer} reports, not reported twice
 */
record WorkloadChecks(boolean rolloutEnvironment) implements Check {

  /** One pod label, key and value. */
  private record Label(String key, String value) {
    // equals and hashCode written out: a record's own link through invokedynamic, which the
    // JDK 25 AOT cache does not keep (docs/install.md#start-up).
    @Override
    public boolean equals(Object o) {
      return o instanceof Label x && Objects.equals(key, x.key) && Objects.equals(value, x.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, value);
    }
  }

  /** A workload: its selector and the labels of the pods it creates. */
  private record Workload(Resource resource, JsonNode selector, Map<String, String> podLabels) {}

  @Override
  public List<Diagnostic> check(ResourceList output) {
    List<Diagnostic> out = new ArrayList<>();
    List<Workload> workloads = workloads(output);
    // Candidates by one pod label: a selector with matchLabels can only match pods
    // that carry its first pair, so the check is linear in practice, not quadratic.
    Map<Label, List<Integer>> byLabel = new HashMap<>(); // looked up only
    for (int i = 0; i < workloads.size(); i++) {
      for (Map.Entry<String, String> e : workloads.get(i).podLabels().entrySet()) {
        byLabel.computeIfAbsent(new Label(e.getKey(), e.getValue()), k -> new ArrayList<>()).add(i);
      }
    }
    Set<List<Integer>> pairs =
        new TreeSet<>(
            // Not Comparator.comparing(...): the JDK's comparator factories build serializable
            // lambdas, which the JDK 25 AOT cache does not keep (docs/install.md#start-up).
            (List<Integer> p, List<Integer> q) ->
                !p.get(0).equals(q.get(0))
                    ? p.get(0).compareTo(q.get(0))
                    : p.get(1).compareTo(q.get(1)));
    List<Integer> everyone = new ArrayList<>();
    for (int i = 0; i < workloads.size(); i++) {
      everyone.add(i);
    }
    for (int i = 0; i < workloads.size(); i++) {
      Workload a = workloads.get(i);
      JsonNode matchLabels =
          a.selector().has("matchExpressions") || a.selector().has("matchLabels")
              ? a.selector().get("matchLabels")
              : a.selector();
      List<Integer> candidates = everyone;
      if (matchLabels instanceof ObjectNode m && !m.isEmpty()) {
        Map.Entry<String, JsonNode> first = m.properties().iterator().next();
        candidates =
            byLabel.getOrDefault(
                new Label(first.getKey(), Trees.jsonText(first.getValue())), List.of());
      }
      for (int j : candidates) {
        Workload b = workloads.get(j);
        if (j == i
            || !a.resource().namespace().equals(b.resource().namespace())
            || workloadRef(a.resource(), b.resource())
            || workloadRef(b.resource(), a.resource())
            || rolloutEnvironment && clash(a.resource(), b.resource())
            || !matches(a.selector(), b.podLabels())) {
          continue;
        }
        pairs.add(List.of(Math.min(i, j), Math.max(i, j)));
      }
    }
    for (List<Integer> pair : pairs) {
      Workload a = workloads.get(pair.get(0));
      Workload b = workloads.get(pair.get(1));
      boolean aSelectsB = matches(a.selector(), b.podLabels());
      Workload selecting = aSelectsB ? a : b;
      Workload selected = aSelectsB ? b : a;
      out.add(
          Diagnostic.error(
              b.resource().positionOf(selectorPath(b.resource())),
              Nodes.describe(a.resource())
                  + " and "
                  + Nodes.describe(b.resource())
                  + " select the same pods in namespace "
                  + a.resource().namespace()
                  + " (the selector of "
                  + Nodes.describe(selecting.resource())
                  + " matches the pods of "
                  + Nodes.describe(selected.resource())
                  + "): their controllers would fight over them; give each workload a"
                  + " selector of its own, e.g. with an app.kubernetes.io/component label"));
    }
    for (Resource r : output) {
      if (KindTables.is(r, KindTables.ROLLOUT)) {
        scaleDown(r, output).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<Diagnostic> scaleDown(Resource rollout, ResourceList output) {
    ObjectNode ref = Nodes.objectAt(rollout.body(), List.of("spec", "workloadRef"));
    if (ref == null || !Trees.string(ref, "kind").equals("Deployment") || ref.has("scaleDown")) {
      return Optional.empty();
    }
    Resource deployment = referenced(rollout, output);
    JsonNode replicas = deployment == null ? null : deployment.body().at("/spec/replicas");
    if (replicas != null && replicas.isNumber() && replicas.intValue() == 0) {
      return Optional.empty(); // scaled to zero in Git: it serves nothing
    }
    String shown =
        replicas == null || replicas.isMissingNode()
            ? "its replicas (1 by default)"
            : "its " + Trees.jsonText(replicas) + " replicas";
    return Optional.of(
        Diagnostic.warning(
            keyPosition(rollout, "/spec/workloadRef"),
            Nodes.describe(rollout)
                + " takes the pods of Deployment/"
                + Trees.string(ref, "name")
                + " (workloadRef), but workloadRef.scaleDown is unset: the Deployment keeps "
                + shown
                + " and keeps serving the old version next to the Rollout's pods; set"
                + " workloadRef.scaleDown (progressively: the Deployment shrinks as the Rollout"
                + " grows; onsuccess: once the Rollout is healthy; never: scale it to 0 yourself,"
                + " e.g. replicas: 0 in the overlay)"));
  }

  private static SourcePosition keyPosition(Resource r, String pointer) {
    SourcePosition at = r.sourceMap().keyPosition(pointer);
    return at.line() > 0 ? at : r.origin();
  }

  /** Whether {@code rollout} takes the pods of {@code deployment} through workloadRef. */
  private static boolean workloadRef(Resource rollout, Resource deployment) {
    if (!KindTables.is(rollout, KindTables.ROLLOUT)
        || !KindTables.is(deployment, KindTables.DEPLOYMENT)) {
      return false;
    }
    ObjectNode ref = Nodes.objectAt(rollout.body(), List.of("spec", "workloadRef"));
    return ref != null
        && Trees.string(ref, "kind").equals("Deployment")
        && Trees.string(ref, "name").equals(deployment.name());
  }

  private static boolean clash(Resource a, Resource b) {
    return a.name().equals(b.name())
        && (KindTables.is(a, KindTables.DEPLOYMENT) && KindTables.is(b, KindTables.ROLLOUT)
            || KindTables.is(a, KindTables.ROLLOUT) && KindTables.is(b, KindTables.DEPLOYMENT));
  }

  private static Resource referenced(Resource rollout, ResourceList output) {
    for (Resource r : output) {
      if (workloadRef(rollout, r)) {
        return r;
      }
    }
    return null;
  }

  private static List<Workload> workloads(ResourceList output) {
    List<Workload> out = new ArrayList<>();
    for (Resource r : output) {
      KindTables.PodTemplate t = KindTables.podTemplate(r);
      if (t == null || t.selector().isEmpty() || KindTables.clusterScoped(r)) {
        continue;
      }
      JsonNode selector = r.body().at("/spec/selector");
      if (!(selector instanceof ObjectNode) || selector.isEmpty()) {
        continue;
      }
      ObjectNode template = Nodes.objectAt(r.body(), t.template());
      Resource podSource = r;
      if (template == null && KindTables.is(r, KindTables.ROLLOUT)) {
        podSource = referenced(r, output);
        template = podSource == null ? null : Nodes.objectAt(podSource.body(), t.template());
      }
      Map<String, String> labels = new TreeMap<>();
      ObjectNode l =
          template == null ? null : Nodes.objectAt(template, List.of("metadata", "labels"));
      if (l != null) {
        l.properties().forEach(e -> labels.put(e.getKey(), Trees.jsonText(e.getValue())));
      }
      out.add(new Workload(r, selector, labels));
    }
    return out;
  }

  private static String selectorPath(Resource r) {
    return Nodes.pointer(KindTables.podTemplate(r).selector().toArray());
  }

  /**
   * Whether a selector ({@code matchLabels} and {@code matchExpressions}, or a
   * ReplicationController's plain label map) selects pods with {@code labels}.
   */
  static boolean matches(JsonNode s, Map<String, String> labels) {
    boolean labelSelector = s.has("matchLabels") || s.has("matchExpressions");
    JsonNode matchLabels = labelSelector ? s.get("matchLabels") : s;
    if (matchLabels instanceof ObjectNode m) {
      for (var e : m.properties()) {
        if (!Trees.jsonText(e.getValue()).equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (ObjectNode e : Nodes.objects(s, "matchExpressions")) {
      String key = Trees.string(e, "key");
      List<String> values = new ArrayList<>();
      e.path("values").forEach(v -> values.add(Trees.jsonText(v)));
      boolean has = labels.containsKey(key);
      boolean ok =
          switch (Trees.string(e, "operator")) {
            case "In" -> has && values.contains(labels.get(key));
            case "NotIn" -> !has || !values.contains(labels.get(key));
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
