package dev.stonegarden.render.platform;

import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which fields of which kinds the platform steps touch, as data: workloads (values.yaml), pod
 * templates and their selectors (ownership labels, Service checks), references to scale targets
 * (Deployment → Rollout); cluster-scoped kinds come from the engine's {@link Scope}.
 */
final class KindTables {
  private KindTables() {}

  /** A kind matched by group and kind; the version does not matter. */
  record GroupKind(String group, String kind) {
    boolean matches(Gvk gvk) {
      return group.equals(gvk.group()) && kind.equals(gvk.kind());
    }
  }

  /**
   * A workload of values.yaml (docs/rendering.md#values): where its pod template is and whether it
   * has {@code spec.replicas}. Operator resources are not workloads.
   */
  record Workload(GroupKind kind, boolean hasReplicas) {}

  static final List<Workload> WORKLOADS =
      List.of(
          new Workload(new GroupKind("apps", "Deployment"), true),
          new Workload(new GroupKind("apps", "StatefulSet"), true),
          new Workload(new GroupKind("apps", "DaemonSet"), false),
          new Workload(new GroupKind("argoproj.io", "Rollout"), true));

  /**
   * Where a kind keeps its pod template and the selector that must match it. The selector path ends
   * at the label map ({@code matchLabels}, or the map itself for ReplicationController).
   */
  record PodTemplate(GroupKind kind, List<String> template, List<String> selector) {}

  static final List<String> SPEC_TEMPLATE = List.of("spec", "template");
  static final List<String> MATCH_LABELS = List.of("spec", "selector", "matchLabels");

  static final List<PodTemplate> POD_TEMPLATES =
      List.of(
          new PodTemplate(new GroupKind("apps", "Deployment"), SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(new GroupKind("apps", "StatefulSet"), SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(new GroupKind("apps", "DaemonSet"), SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(new GroupKind("apps", "ReplicaSet"), SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(new GroupKind("argoproj.io", "Rollout"), SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(new GroupKind("batch", "Job"), SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(
              new GroupKind("batch", "CronJob"),
              List.of("spec", "jobTemplate", "spec", "template"),
              List.of()),
          new PodTemplate(
              new GroupKind("", "ReplicationController"),
              SPEC_TEMPLATE,
              List.of("spec", "selector")));

  /** Fields that name another object by apiVersion/kind/name (HPA, VPA, KEDA ScaledObject). */
  static final List<List<String>> TARGET_REFERENCES =
      List.of(List.of("spec", "scaleTargetRef"), List.of("spec", "targetRef"));

  static final GroupKind DEPLOYMENT = new GroupKind("apps", "Deployment");
  static final GroupKind ROLLOUT = new GroupKind("argoproj.io", "Rollout");
  static final GroupKind NAMESPACE = new GroupKind("", "Namespace");
  static final GroupKind HPA = new GroupKind("autoscaling", "HorizontalPodAutoscaler");
  static final String ROLLOUT_API_VERSION = "argoproj.io/v1alpha1";

  static boolean is(Resource r, GroupKind kind) {
    return kind.kind().equals(r.kind()) && kind.group().equals(group(r));
  }

  // Lookups by "group/kind", built once from the tables above: every step asks for every object.
  private static final Map<String, Workload> WORKLOAD_BY_KIND = index(WORKLOADS, Workload::kind);
  private static final Map<String, PodTemplate> POD_TEMPLATE_BY_KIND =
      index(POD_TEMPLATES, PodTemplate::kind);

  private static <T> Map<String, T> index(List<T> table, Function<T, GroupKind> kind) {
    Map<String, T> m = new HashMap<>(); // looked up only, never iterated
    for (T t : table) {
      m.put(kind.apply(t).group() + "/" + kind.apply(t).kind(), t);
    }
    return m;
  }

  private static String key(Resource r) {
    return group(r) + "/" + r.kind();
  }

  private static String group(Resource r) {
    String apiVersion = r.apiVersion();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /**
   * Whether kustomize treats the object's kind as cluster-scoped
   * (docs/kustomize.md#resource-identity: the Kubernetes 1.21.2 schema; every CRD kind is
   * namespaced), the engine's own table.
   */
  static boolean clusterScoped(Resource r) {
    return Scope.isClusterScoped(r.gvk());
  }

  static Workload workload(Resource r) {
    return WORKLOAD_BY_KIND.get(key(r));
  }

  static PodTemplate podTemplate(Resource r) {
    return POD_TEMPLATE_BY_KIND.get(key(r));
  }
}
