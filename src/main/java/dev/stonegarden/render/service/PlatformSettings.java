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
    Path file) {

  /** {@code spec.argocd}: how `appset` builds Applications. */
  public record ArgoCd(
      String namespace, String project, String repoURL, String targetRevision, String plugin) {}

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
   * {@code spec.monitoring}: where dashboards, alert files and SLO rules are rendered, and how
   * dashboards are shipped.
   */
  public record Monitoring(List<String> environments, DashboardMode dashboards) {}

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
