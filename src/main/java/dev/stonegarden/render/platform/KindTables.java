package dev.stonegarden.render.platform;

import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.Scope;
import java.util.Arrays;
import java.util.List;

/**
 * Which fields of which kinds the platform steps touch, as data: workloads (values.yaml), pod
 * templates and their selectors (ownership labels, Service checks), references to scale targets
 * (Deployment → Rollout); cluster-scoped kinds come from the engine's {@link Scope}.
 */
final class KindTables {
  private KindTables() {}

  // The kinds the platform steps look for. An object matches one when group and kind are equal,
  // whatever its version (is); the version here is the one the platform writes.
  static final Gvk DEPLOYMENT = new Gvk("apps", "v1", "Deployment");
  static final Gvk STATEFUL_SET = new Gvk("apps", "v1", "StatefulSet");
  static final Gvk DAEMON_SET = new Gvk("apps", "v1", "DaemonSet");
  static final Gvk REPLICA_SET = new Gvk("apps", "v1", "ReplicaSet");
  static final Gvk JOB = new Gvk("batch", "v1", "Job");
  static final Gvk CRON_JOB = new Gvk("batch", "v1", "CronJob");
  static final Gvk REPLICATION_CONTROLLER = new Gvk("", "v1", "ReplicationController");
  static final Gvk POD = new Gvk("", "v1", "Pod");
  static final Gvk SERVICE = new Gvk("", "v1", "Service");
  static final Gvk NAMESPACE = new Gvk("", "v1", "Namespace");
  static final Gvk CONFIG_MAP = new Gvk("", "v1", "ConfigMap");
  static final Gvk SECRET = new Gvk("", "v1", "Secret");
  static final Gvk PERSISTENT_VOLUME_CLAIM = new Gvk("", "v1", "PersistentVolumeClaim");
  static final Gvk SERVICE_ACCOUNT = new Gvk("", "v1", "ServiceAccount");
  static final Gvk ROLE_BINDING = new Gvk("rbac.authorization.k8s.io", "v1", "RoleBinding");
  static final Gvk CLUSTER_ROLE_BINDING =
      new Gvk("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding");
  static final Gvk HPA = new Gvk("autoscaling", "v2", "HorizontalPodAutoscaler");
  static final Gvk ROLLOUT = new Gvk("argoproj.io", "v1alpha1", "Rollout");
  static final Gvk ANALYSIS_TEMPLATE = new Gvk("argoproj.io", "v1alpha1", "AnalysisTemplate");
  static final Gvk CLUSTER_ANALYSIS_TEMPLATE =
      new Gvk("argoproj.io", "v1alpha1", "ClusterAnalysisTemplate");
  static final Gvk PROMETHEUS_RULE = new Gvk("monitoring.coreos.com", "v1", "PrometheusRule");
  static final Gvk POD_MONITOR = new Gvk("monitoring.coreos.com", "v1", "PodMonitor");
  static final Gvk SERVICE_MONITOR = new Gvk("monitoring.coreos.com", "v1", "ServiceMonitor");
  static final Gvk FEATURE_FLAG = new Gvk("core.openfeature.dev", "v1beta1", "FeatureFlag");
  static final Gvk FEATURE_FLAG_SOURCE =
      new Gvk("core.openfeature.dev", "v1beta1", "FeatureFlagSource");

  /**
   * A workload of values.yaml (docs/rendering.md#values): where its pod template is and whether it
   * has {@code spec.replicas}. Operator resources are not workloads.
   */
  record Workload(Gvk kind, boolean hasReplicas) {}

  static final List<Workload> WORKLOADS =
      List.of(
          new Workload(DEPLOYMENT, true),
          new Workload(STATEFUL_SET, true),
          new Workload(DAEMON_SET, false),
          new Workload(ROLLOUT, true));

  /**
   * Where a kind keeps its pod template and the selector that must match it. The selector path ends
   * at the label map ({@code matchLabels}, or the map itself for ReplicationController).
   */
  record PodTemplate(Gvk kind, List<String> template, List<String> selector) {}

  static final List<String> SPEC_TEMPLATE = List.of("spec", "template");
  static final List<String> MATCH_LABELS = List.of("spec", "selector", "matchLabels");

  static final List<PodTemplate> POD_TEMPLATES =
      List.of(
          new PodTemplate(DEPLOYMENT, SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(STATEFUL_SET, SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(DAEMON_SET, SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(REPLICA_SET, SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(ROLLOUT, SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(JOB, SPEC_TEMPLATE, MATCH_LABELS),
          new PodTemplate(CRON_JOB, List.of("spec", "jobTemplate", "spec", "template"), List.of()),
          new PodTemplate(REPLICATION_CONTROLLER, SPEC_TEMPLATE, List.of("spec", "selector")));

  /** Fields that name another object by apiVersion/kind/name (HPA, VPA, KEDA ScaledObject). */
  static final List<List<String>> TARGET_REFERENCES =
      List.of(List.of("spec", "scaleTargetRef"), List.of("spec", "targetRef"));

  /**
   * Whether {@code KUBE_API_VERSIONS} (Argo CD's list of the destination's API versions and kinds,
   * comma-separated, docs/argocd.md#environment-variables) lists {@code kind} as {@code
   * group/version/Kind}; blank means the list is not known.
   */
  static boolean served(String kubeApiVersions, Gvk kind) {
    String entry = listEntry(kind);
    return Arrays.stream(kubeApiVersions.split(",")).map(String::trim).anyMatch(entry::equals);
  }

  /** How {@code KUBE_API_VERSIONS} lists a kind: {@code argoproj.io/v1alpha1/Rollout}. */
  static String listEntry(Gvk kind) {
    return kind.apiVersion() + "/" + kind.kind();
  }

  /** Whether {@code r} is of {@code kind}: the same group and kind, whatever the version. */
  static boolean is(Resource r, Gvk kind) {
    return kind.sameGroupKind(r.gvk());
  }

  /**
   * Whether kustomize treats the object's kind as cluster-scoped
   * (docs/kustomize.md#resource-identity: the Kubernetes 1.21.2 schema; every CRD kind is
   * namespaced), the engine's own table.
   */
  static boolean clusterScoped(Resource r) {
    return Scope.isClusterScoped(r.gvk());
  }

  /** The workload entry of {@code r}'s kind, or null (a handful of entries: a scan is cheapest). */
  static Workload workload(Resource r) {
    Gvk gvk = r.gvk();
    for (Workload w : WORKLOADS) {
      if (w.kind().sameGroupKind(gvk)) {
        return w;
      }
    }
    return null;
  }

  /** The pod template entry of {@code r}'s kind, or null. */
  static PodTemplate podTemplate(Resource r) {
    Gvk gvk = r.gvk();
    for (PodTemplate t : POD_TEMPLATES) {
      if (t.kind().sameGroupKind(gvk)) {
        return t;
      }
    }
    return null;
  }
}
