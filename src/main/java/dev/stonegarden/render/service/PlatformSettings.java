package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
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
    Kargo kargo,
    TrafficRouting trafficRouting) {

  /** The traffic routers a canary can use (docs/traffic-routing.md). */
  public enum Router {
    NONE("none", false, false),
    GATEWAY_API("gatewayAPI", true, false),
    NGINX("nginx", false, false),
    ISTIO("istio", true, true);

    private final String key;
    private final boolean headerRoutes;
    private final boolean mirrorRoutes;

    Router(String key, boolean headerRoutes, boolean mirrorRoutes) {
      this.key = key;
      this.headerRoutes = headerRoutes;
      this.mirrorRoutes = mirrorRoutes;
    }

    /** The name in platform.yaml and service.yaml. */
    public String key() {
      return key;
    }

    /**
     * Whether {@code setHeaderRoute} works: Istio, and the Gateway API plugin (its SetHeaderRoute);
     * nginx has no header routes in Argo Rollouts.
     */
    public boolean headerRoutes() {
      return headerRoutes;
    }

    /**
     * Whether {@code setMirrorRoute} works: Istio only; the Gateway API plugin's SetMirrorRoute
     * does nothing (argoproj-labs/rollouts-plugin-trafficrouter-gatewayapi pkg/plugin/plugin.go).
     */
    public boolean mirrorRoutes() {
      return mirrorRoutes;
    }

    /**
     * The router {@code key} names; a key that names none is a {@link Problem.InValue} (the schema
     * reports it to the user, so readers that bind validated files read the value directly).
     */
    public static Checked<Router> of(String key) {
      for (Router r : values()) {
        if (r.key.equals(key)) {
          return Checked.ok(r);
        }
      }
      return Checked.failed(new Problem.InValue("no router " + key));
    }
  }

  /**
   * {@code spec.trafficRouting} of platform.yaml, or an environment's {@code
   * rollout.trafficRouting} in service.yaml: the router and each router's settings (null when not
   * given).
   */
  public record TrafficRouting(Router router, GatewayApi gatewayAPI, Nginx nginx, Istio istio) {
    public static final TrafficRouting NONE = new TrafficRouting(Router.NONE, null, null, null);

    public TrafficRouting {
      router = router == null ? Router.NONE : router;
    }

    /**
     * These settings over {@code base}: the router of these, each router's settings from these when
     * given, else from {@code base}.
     */
    public TrafficRouting over(TrafficRouting base) {
      return new TrafficRouting(
          router,
          gatewayAPI == null
              ? base.gatewayAPI
              : base.gatewayAPI == null
                  ? gatewayAPI
                  : new GatewayApi(
                      or(gatewayAPI.parentRefs, base.gatewayAPI.parentRefs),
                      or(gatewayAPI.hostnames, base.gatewayAPI.hostnames)),
          nginx == null
              ? base.nginx
              : base.nginx == null
                  ? nginx
                  : new Nginx(
                      or(nginx.ingressClass, base.nginx.ingressClass),
                      or(nginx.host, base.nginx.host)),
          istio == null
              ? base.istio
              : base.istio == null
                  ? istio
                  : new Istio(
                      or(istio.gateways, base.istio.gateways), or(istio.hosts, base.istio.hosts)));
    }

    private static <T> T or(T value, T fallback) {
      return value != null ? value : fallback;
    }
  }

  /**
   * The HTTPRoute the platform creates for the Gateway API plugin: the Gateways it attaches to and
   * its hostnames (null or empty: the Gateway's).
   */
  public record GatewayApi(List<ParentRef> parentRefs, List<String> hostnames) {
    /** A list left out is null (platform.yaml's applies, or none). */
    public GatewayApi {
      parentRefs = parentRefs == null ? null : List.copyOf(parentRefs);
      hostnames = hostnames == null ? null : List.copyOf(hostnames);
    }
  }

  /** A Gateway an HTTPRoute attaches to; {@code namespace} and {@code sectionName} may be null. */
  public record ParentRef(String name, String namespace, String sectionName) {}

  /**
   * The stable Ingress the platform creates for nginx when the overlay has none.
   *
   * @param ingressClass its {@code ingressClassName}; null = {@value #DEFAULT_CLASS}
   * @param host its rule's host, or null for every host
   */
  public record Nginx(String ingressClass, String host) {
    public static final String DEFAULT_CLASS = "nginx";
  }

  /**
   * The VirtualService the platform creates for Istio.
   *
   * @param gateways its gateways (null or empty: the mesh only)
   * @param hosts its hosts (null: the Service's name)
   */
  public record Istio(List<String> gateways, List<String> hosts) {
    /** A list left out is null (platform.yaml's applies, or the default). */
    public Istio {
      gateways = gateways == null ? null : List.copyOf(gateways);
      hosts = hosts == null ? null : List.copyOf(hosts);
    }
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
