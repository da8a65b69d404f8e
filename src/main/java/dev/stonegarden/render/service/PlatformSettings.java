package dev.stonegarden.render.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A bound {@code platform.yaml} ({@code kind: Platform}, docs/platform-yaml.md), or the defaults
 * when the repository has none. Every field is filled: defaults are applied by the reader.
 *
 * @param file the platform.yaml used, or null for all defaults
 */
public record PlatformSettings(
    String name,
    List<String> pipeline,
    String labelDomain,
    Map<String, String> clusters,
    ArgoCd argocd,
    Prometheus prometheus,
    Sli sli,
    Monitoring monitoring,
    Map<String, Dependency> dependencies,
    boolean networkPolicy,
    Path file,
    Canary canary,
    Kargo kargo) {

  /** The settings without {@code spec.kargo} (its defaults). */
  public PlatformSettings(
      String name,
      List<String> pipeline,
      String labelDomain,
      Map<String, String> clusters,
      ArgoCd argocd,
      Prometheus prometheus,
      Sli sli,
      Monitoring monitoring,
      Map<String, Dependency> dependencies,
      boolean networkPolicy,
      Path file,
      Canary canary) {
    this(
        name,
        pipeline,
        labelDomain,
        clusters,
        argocd,
        prometheus,
        sli,
        monitoring,
        dependencies,
        networkPolicy,
        file,
        canary,
        Kargo.DEFAULTS);
  }

  /**
   * {@code spec.kargo}: the Kargo pipeline {@code kargo} prints (docs/promotion.md#kargo).
   *
   * @param enabled Applications carry Kargo's authorized-stage annotation
   * @param project the Kargo Project (and namespace) of a service; {@code {{service}}} is
   *     substituted
   * @param promotion {@code pull-request} (a Stage opens a pull request and waits for its merge) or
   *     {@code push} (a Stage pushes to {@code branch})
   * @param branch the branch Argo CD's Applications follow and promotions target
   * @param soak how long a stage's SLO is checked after a promotion before the Freight is verified
   */
  public record Kargo(
      boolean enabled, String project, String promotion, String branch, String soak) {
    public static final Kargo DEFAULTS =
        new Kargo(false, "kargo-{{service}}", "pull-request", "main", "30m");

    /** The Kargo Project of {@code service}. */
    public String projectOf(String service) {
      return project.replace("{{service}}", service);
    }
  }

  /** The settings without {@code spec.canary} (its defaults). */
  public PlatformSettings(
      String name,
      List<String> pipeline,
      String labelDomain,
      Map<String, String> clusters,
      ArgoCd argocd,
      Prometheus prometheus,
      Sli sli,
      Monitoring monitoring,
      Map<String, Dependency> dependencies,
      boolean networkPolicy,
      Path file) {
    this(
        name,
        pipeline,
        labelDomain,
        clusters,
        argocd,
        prometheus,
        sli,
        monitoring,
        dependencies,
        networkPolicy,
        file,
        Canary.DEFAULTS);
  }

  /**
   * {@code spec.canary}: how canary analysis tells the canary's series from the stable's
   * (docs/canary.md).
   *
   * @param hashLabel the label of the {@code sli} series that carries the pod's {@code
   *     rollouts-pod-template-hash}
   * @param relabelMonitors whether PodMonitors and ServiceMonitors of rollout environments get the
   *     relabeling that adds {@code hashLabel}
   */
  public record Canary(String hashLabel, boolean relabelMonitors) {
    public static final Canary DEFAULTS = new Canary("rollouts_pod_template_hash", false);
  }

  /**
   * {@code spec.argocd}: how `appset` builds Applications.
   *
   * @param ssoGroup the SSO group of a team's AppProject role; {@code {{team}}} is substituted
   */
  public record ArgoCd(
      String namespace,
      String project,
      String repoURL,
      String targetRevision,
      String plugin,
      String ssoGroup) {

    /** The default SSO group: the team's name. */
    public static final String DEFAULT_SSO_GROUP = "{{team}}";

    /** Without {@code ssoGroup}: the default. */
    public ArgoCd(
        String namespace, String project, String repoURL, String targetRevision, String plugin) {
      this(namespace, project, repoURL, targetRevision, plugin, DEFAULT_SSO_GROUP);
    }
  }

  /**
   * {@code spec.prometheus}: the analysis provider address and the labels PrometheusRules carry.
   */
  public record Prometheus(String address, Map<String, String> ruleLabels) {}

  /**
   * {@code spec.sli}: PromQL selector templates; {@code {{namespace}}}, {@code {{service}}}, {@code
   * {{environment}}} are substituted.
   */
  public record Sli(String requests, String errors, String latencyBucket) {}

  /**
   * {@code spec.monitoring}: where dashboards, alert files and SLO rules are rendered, how
   * dashboards are shipped, and (grafana-operator) the matchLabels of the Grafana instances that
   * import them.
   */
  public record Monitoring(
      List<String> environments,
      DashboardMode dashboards,
      Map<String, String> grafanaInstanceSelector) {
    /** The default instance selector of GrafanaDashboards: {@code {dashboards: grafana}}. */
    public static final Map<String, String> DEFAULT_GRAFANA_INSTANCE_SELECTOR =
        Map.of("dashboards", "grafana");

    public Monitoring(List<String> environments, DashboardMode dashboards) {
      this(environments, dashboards, DEFAULT_GRAFANA_INSTANCE_SELECTOR);
    }
  }

  /** How dashboards are shipped. */
  public enum DashboardMode {
    /** A ConfigMap labelled {@code grafana_dashboard: "1"} for Grafana's sidecar. */
    CONFIGMAP,
    /** A {@code GrafanaDashboard} custom resource of grafana-operator. */
    GRAFANA_OPERATOR
  }

  /** One entry of the dependency catalog. */
  public record Dependency(String namespace, List<Integer> ports) {}
}
