package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.yaml.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks before anything is printed (docs/rendering.md#checks). Reads only; returns every
 * problem at once: objects without apiVersion/kind/name, names Kubernetes would reject, two objects
 * with one group/kind/namespace/name, Services that select no pod template, Rollouts whose analysis
 * templates are missing, an HPA fighting values.yaml replicas (warning), and an overlay that
 * rendered nothing (Argo CD would prune everything; the platform's own Namespace does not count).
 *
 * @param values the environment's values.yaml (for the HPA warning)
 * @param overlayDirectory {@code environments/<env>}
 * @param overlayObjects how many objects the overlay rendered, before the platform added any
 */
public record PlatformChecks(Values values, Path overlayDirectory, int overlayObjects)
    implements Check {

  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** How Kubernetes validates the name of a kind (apimachinery's {@code validation.Name*}). */
  enum NameRule {
    DNS_LABEL("a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)"),
    DNS_1035_LABEL(
        "a DNS-1035 label (lower-case letters, digits and '-', starting with a letter, at most 63 characters)"),
    PATH_SEGMENT("a path segment (not '.' or '..', no '/' or '%')"),
    DNS_SUBDOMAIN(
        "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters)");

    final String expected;

    NameRule(String expected) {
      this.expected = expected;
    }

    boolean accepts(String name) {
      switch (this) {
        case DNS_LABEL:
          return name.length() <= 63 && PlatformChecks.DNS_LABEL.matcher(name).matches();
        case DNS_1035_LABEL:
          return name.length() <= 63 && PlatformChecks.DNS_1035_LABEL.matcher(name).matches();
        case PATH_SEGMENT:
          return !name.equals(".")
              && !name.equals("..")
              && !name.contains("/")
              && !name.contains("%");
        default:
          return name.length() <= 253 && PlatformChecks.DNS_SUBDOMAIN.matcher(name).matches();
      }
    }
  }

  private static final List<String> RBAC_KINDS =
      List.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

  /** The rule of a kind's names: a DNS-1123 subdomain unless the kind has another. */
  static NameRule nameRule(Gvk gvk) {
    if (KindTables.NAMESPACE.sameGroupKind(gvk)) {
      return NameRule.DNS_LABEL;
    }
    if (KindTables.SERVICE.sameGroupKind(gvk)) {
      return NameRule.DNS_1035_LABEL;
    }
    if (gvk.group().equals(KindTables.ROLE_BINDING.group()) && RBAC_KINDS.contains(gvk.kind())) {
      return NameRule.PATH_SEGMENT;
    }
    return NameRule.DNS_SUBDOMAIN;
  }

  /**
   * What the API server keeps one object of: group, kind, namespace and name (the version does not
   * count: one object is served under every version of its group).
   */
  private record ObjectIdentity(String group, String kind, String namespace, String name) {
    static ObjectIdentity of(Resource r) {
      return new ObjectIdentity(r.gvk().group(), r.kind(), r.id().effectiveNamespace(), r.name());
    }

    // equals and hashCode written out: a record's own link through invokedynamic, which the
    // JDK 25 AOT cache does not keep (docs/install.md#start-up).
    @Override
    public boolean equals(Object o) {
      return o instanceof ObjectIdentity x
          && Objects.equals(group, x.group)
          && Objects.equals(kind, x.kind)
          && Objects.equals(namespace, x.namespace)
          && Objects.equals(name, x.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(group, kind, namespace, name);
    }
  }

  @Override
  public List<Diagnostic> check(ResourceList resources) {
    List<Diagnostic> out = new ArrayList<>();
    if (overlayObjects == 0) {
      out.add(
          Diagnostic.error(
              overlayDirectory == null
                  ? SourcePosition.none()
                  : SourcePosition.of(overlayDirectory.resolve("kustomization.yaml")),
              "the overlay renders no objects: Argo CD would prune everything this application deployed; expected at least one"
                  + " resource in the kustomization"));
    }
    Set<ObjectIdentity> seen = new HashSet<>(); // looked up only
    for (Resource r : resources) {
      if (!identity(r, out)) {
        continue;
      }
      boolean clusterScoped = KindTables.clusterScoped(r);
      if (!seen.add(ObjectIdentity.of(r))) {
        out.add(
            Diagnostic.error(
                r.origin(),
                "two objects are "
                    + r.kind()
                    + "."
                    + (r.gvk().group().isEmpty() ? "core" : r.gvk().group())
                    + " "
                    + r.name()
                    + (clusterScoped ? "" : " in namespace " + r.id().effectiveNamespace())
                    + ": expected group, kind, namespace and name to be unique"));
      }
    }
    Index index = new Index(resources);
    for (Resource r : resources) {
      if (KindTables.is(r, KindTables.SERVICE)) {
        checkServiceSelector(r, index, out);
      }
      if (KindTables.is(r, KindTables.ROLLOUT)) {
        checkAnalysisReferences(r, index, out);
      }
      if (KindTables.is(r, KindTables.HPA)) {
        checkHpa(r, index, out);
      }
    }
    return out;
  }

  /**
   * What the cross-object checks look up, built once so that the checks stay linear in the number
   * of objects (5,000 objects must render in well under a second).
   */
  private static final class Index {
    /**
     * Pod template labels (and bare Pods' labels) by effective namespace and one of their labels: a
     * selector only needs the templates that carry its first pair.
     */
    final Map<NamespacedLabel, List<ObjectNode>> podLabels =
        new HashMap<>(); // looked up only, never iterated

    /**
     * Every AnalysisTemplate by its effective namespace, every ClusterAnalysisTemplate with the
     * namespace "".
     */
    final Set<ObjectIdentity> templates = new HashSet<>(); // looked up only

    /** Every workload with replicas by kind and name (the first of each). */
    final Map<KindName, Resource> workloads = new HashMap<>(); // looked up only

    Index(ResourceList resources) {
      for (Resource r : resources) {
        ObjectNode labels = null;
        KindTables.PodTemplate pt = KindTables.podTemplate(r);
        if (pt != null) {
          labels = Nodes.objectAt(r.body(), concat(pt.template(), "metadata", "labels"));
        } else if (KindTables.is(r, KindTables.POD)) {
          labels = Nodes.objectAt(r.body(), List.of("metadata", "labels"));
        }
        if (labels != null) {
          String ns = r.id().effectiveNamespace();
          for (Map.Entry<String, JsonNode> e : labels.properties()) {
            podLabels
                .computeIfAbsent(pair(ns, e.getKey(), e.getValue()), k -> new ArrayList<>())
                .add(labels);
          }
        }
        if (KindTables.is(r, KindTables.ANALYSIS_TEMPLATE)) {
          templates.add(ObjectIdentity.of(r));
        } else if (KindTables.is(r, KindTables.CLUSTER_ANALYSIS_TEMPLATE)) {
          templates.add(new ObjectIdentity(r.gvk().group(), r.kind(), "", r.name()));
        }
        KindTables.Workload w = KindTables.workload(r);
        if (w != null && w.hasReplicas()) {
          workloads.putIfAbsent(new KindName(r.kind(), r.name()), r);
        }
      }
    }
  }

  /** One label of the pods of a namespace. */
  private record NamespacedLabel(String namespace, String key, String value) {
    // equals and hashCode written out: a record's own link through invokedynamic, which the
    // JDK 25 AOT cache does not keep (docs/install.md#start-up).
    @Override
    public boolean equals(Object o) {
      return o instanceof NamespacedLabel x
          && Objects.equals(namespace, x.namespace)
          && Objects.equals(key, x.key)
          && Objects.equals(value, x.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(namespace, key, value);
    }
  }

  /** A workload as an HPA's {@code scaleTargetRef} names it. */
  private record KindName(String kind, String name) {
    // equals and hashCode written out: a record's own link through invokedynamic, which the
    // JDK 25 AOT cache does not keep (docs/install.md#start-up).
    @Override
    public boolean equals(Object o) {
      return o instanceof KindName x
          && Objects.equals(kind, x.kind)
          && Objects.equals(name, x.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, name);
    }
  }

  private static boolean identity(Resource r, List<Diagnostic> out) {
    List<String> missing = new ArrayList<>();
    if (r.apiVersion().isEmpty()) {
      missing.add("apiVersion");
    }
    if (r.kind().isEmpty()) {
      missing.add("kind");
    }
    if (r.name().isEmpty()) {
      missing.add("metadata.name");
    }
    if (!missing.isEmpty()) {
      out.add(
          Diagnostic.error(
              r.origin(),
              "object without "
                  + String.join(", ", missing)
                  + ": every object needs apiVersion, kind and metadata.name"));
      return false;
    }
    NameRule rule = nameRule(r.gvk());
    if (!rule.accepts(r.name())) {
      out.add(
          Diagnostic.error(
              r.positionOf("/metadata/name"),
              r.kind()
                  + " name "
                  + r.name()
                  + " ("
                  + r.name().length()
                  + " characters) is not valid: expected "
                  + rule.expected));
    }
    checkLabelValues(r, List.of("metadata", "labels"), out);
    KindTables.PodTemplate pt = KindTables.podTemplate(r);
    if (pt != null) {
      checkLabelValues(r, concat(pt.template(), "metadata", "labels"), out);
    }
    return true;
  }

  /** Label values: at most 63 characters, alphanumeric at both ends, '-', '_' and '.' inside. */
  private static void checkLabelValues(Resource r, List<String> path, List<Diagnostic> out) {
    ObjectNode labels = Nodes.objectAt(r.body(), path);
    if (labels == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      String value = e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString();
      if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
        List<String> at = new ArrayList<>(path);
        at.add(e.getKey());
        out.add(
            Diagnostic.error(
                r.positionOf(Nodes.pointer(at.toArray())),
                Nodes.describe(r)
                    + " label "
                    + e.getKey()
                    + " has the value "
                    + value
                    + " ("
                    + value.length()
                    + " characters): expected"
                    + " at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit"));
      }
    }
  }

  private static void checkServiceSelector(Resource service, Index index, List<Diagnostic> out) {
    ObjectNode selector = Nodes.objectAt(service.body(), List.of("spec", "selector"));
    if (selector == null
        || selector.isEmpty()
        || Trees.string(Nodes.objectAt(service.body(), List.of("spec")), "type")
            .equals("ExternalName")) {
      return;
    }
    Map.Entry<String, JsonNode> first = selector.properties().iterator().next();
    for (ObjectNode labels :
        index.podLabels.getOrDefault(
            pair(service.id().effectiveNamespace(), first.getKey(), first.getValue()), List.of())) {
      if (matches(selector, labels)) {
        return;
      }
    }
    List<String> pairs = new ArrayList<>();
    selector.properties().forEach(e -> pairs.add(e.getKey() + "=" + Trees.jsonText(e.getValue())));
    out.add(
        Diagnostic.error(
            service.positionOf("/spec/selector"),
            "Service/"
                + service.name()
                + " selects pods with "
                + String.join(", ", pairs)
                + ", but no pod template of this environment has those labels: expected a workload whose template labels match"));
  }

  private static NamespacedLabel pair(String namespace, String key, JsonNode value) {
    return new NamespacedLabel(namespace, key, Trees.jsonText(value));
  }

  private static boolean matches(ObjectNode selector, ObjectNode labels) {
    for (Map.Entry<String, JsonNode> e : selector.properties()) {
      JsonNode have = labels.get(e.getKey());
      if (have == null || !Trees.jsonText(have).equals(Trees.jsonText(e.getValue()))) {
        return false;
      }
    }
    return true;
  }

  private static void checkAnalysisReferences(Resource rollout, Index index, List<Diagnostic> out) {
    List<String> pointers = new ArrayList<>();
    ObjectNode strategy = Nodes.objectAt(rollout.body(), List.of("spec", "strategy"));
    ObjectNode canary = Nodes.objectAt(strategy, List.of("canary"));
    if (canary != null) {
      collectTemplates(canary.get("analysis"), "/spec/strategy/canary/analysis", pointers);
      List<ObjectNode> steps = Nodes.objects(canary, "steps");
      for (int i = 0; i < steps.size(); i++) {
        collectTemplates(
            steps.get(i).get("analysis"),
            "/spec/strategy/canary/steps/" + i + "/analysis",
            pointers);
      }
    }
    ObjectNode blueGreen = Nodes.objectAt(strategy, List.of("blueGreen"));
    if (blueGreen != null) {
      for (String key : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
        collectTemplates(blueGreen.get(key), "/spec/strategy/blueGreen/" + key, pointers);
      }
    }
    for (String p : pointers) {
      JsonNode ref = rollout.body().at(p);
      String name = Trees.string(ref, "templateName");
      boolean cluster =
          ref.get("clusterScope") != null
              && ref.get("clusterScope").isBoolean()
              && ref.get("clusterScope").booleanValue();
      Gvk template = cluster ? KindTables.CLUSTER_ANALYSIS_TEMPLATE : KindTables.ANALYSIS_TEMPLATE;
      String kind = template.kind();
      if (!index.templates.contains(
          new ObjectIdentity(
              template.group(), kind, cluster ? "" : rollout.id().effectiveNamespace(), name))) {
        out.add(
            Diagnostic.error(
                rollout.positionOf(p + "/templateName"),
                "Rollout/"
                    + rollout.name()
                    + " uses analysis template "
                    + name
                    + ", but the output has no "
                    + kind
                    + " "
                    + name
                    + ": add it to the overlay (e.g. analysis.yaml) or fix the name"));
      }
    }
  }

  private static void collectTemplates(JsonNode analysis, String pointer, List<String> out) {
    List<ObjectNode> templates = Nodes.objects(analysis, "templates");
    for (int i = 0; i < templates.size(); i++) {
      out.add(pointer + "/templates/" + i);
    }
  }

  private void checkHpa(Resource hpa, Index index, List<Diagnostic> out) {
    ObjectNode ref = Nodes.objectAt(hpa.body(), List.of("spec", "scaleTargetRef"));
    if (ref == null) {
      return;
    }
    String name = Trees.string(ref, "name");
    String kind = Trees.string(ref, "kind");
    if (!index.workloads.containsKey(new KindName(kind, name))) {
      return;
    }
    Values.Settings own = values == null ? null : values.workloads().get(name);
    SourcePosition at;
    if (own != null && own.replicas() != null) {
      at = values.sourceMap().positionOf(ValuesTransformer.workloadPointer(name, "replicas"));
    } else if (values != null && values.defaults().replicas() != null) {
      at = values.sourceMap().positionOf("/replicas");
    } else {
      overlayReplicas(hpa, kind, name, index, out);
      return;
    }
    out.add(
        Diagnostic.warning(
            at,
            String.format(
                Locale.ROOT,
                "%s scales %s/%s, whose replicas values.yaml also sets: the autoscaler overrides them"
                    + " at run time; remove replicas from values.yaml for this workload",
                Nodes.describe(hpa),
                kind,
                name)));
  }

  /**
   * An autoscaled workload whose overlay sets {@code spec.replicas}: Argo CD would reset the count
   * on every sync. A Rollout the platform converted is rendered without it (docs/canary.md).
   */
  private static void overlayReplicas(
      Resource hpa, String kind, String name, Index index, List<Diagnostic> out) {
    Resource target = index.workloads.get(new KindName(kind, name));
    if (target == null || !target.sourceMap().recorded("/spec/replicas")) {
      return;
    }
    boolean dropped = target.body().at("/spec/replicas").isMissingNode();
    out.add(
        Diagnostic.warning(
            target.positionOf("/spec/replicas"),
            String.format(
                Locale.ROOT,
                "%s scales %s/%s, whose replicas the overlay also sets: %s; remove spec.replicas"
                    + " from the overlay",
                Nodes.describe(hpa),
                kind,
                name,
                dropped
                    ? "the Rollout is rendered without them, so that the autoscaler owns them"
                    : "Argo CD resets them on every sync, fighting the autoscaler")));
  }

  private static List<String> concat(List<String> path, String... more) {
    List<String> all = new ArrayList<>(path);
    all.addAll(List.of(more));
    return all;
  }
}
