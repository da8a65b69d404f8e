package dev.stonegarden.render.appset;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The fields of router objects that Argo Rollouts (or its Gateway API plugin) changes during a
 * canary, which Argo CD must neither diff nor, with {@code RespectIgnoreDifferences=true} (on every
 * Application), overwrite on sync (docs/traffic-routing.md#argo-cd). Computed from every rendered
 * Rollout's {@code strategy.canary.trafficRouting}, so an overlay's own Rollout gets the same:
 *
 * <ul>
 *   <li>Gateway API plugin: each HTTPRoute's backend weights ({@code
 *       .spec.rules[].backendRefs[].weight}), the rules it inserts for managed routes (selected by
 *       name), and its in-progress label {@value #GATEWAY_IN_PROGRESS_LABEL};
 *   <li>Istio: each VirtualService's route weights ({@code .spec.http[].route[].weight}) and the
 *       http routes it inserts for managed routes (by name); the DestinationRule's subset labels
 *       (the controller adds the pod-template hash to them) and its managed-by annotation;
 *   <li>nginx: nothing. The canary Ingress the controller creates carries no Argo CD tracking label
 *       or annotation (argo-rollouts {@code rollout/trafficrouting/nginx/nginx.go}, {@code
 *       buildCanaryIngress}: only the ingress class is copied, and an owner reference to the
 *       Rollout), so it is no part of the Application's diff; the stable Ingress is not changed.
 * </ul>
 *
 * <p>The stable and canary Services need nothing either: the controller adds a selector key and an
 * annotation that the rendered object does not set, which Argo CD's diff leaves alone.
 */
public record TrafficRouterIgnores() implements ApplicationExtension {

  static final String PLUGIN = "argoproj-labs/gatewayAPI";
  static final String GATEWAY_IN_PROGRESS_LABEL = "rollouts.argoproj.io/gatewayapi-canary";
  static final String MANAGED_BY_ANNOTATION = "argo-rollouts.argoproj.io/managed-by-rollouts";

  @Override
  public List<IgnoreDifference> ignoreDifferences(RenderedEnvironment environment) {
    List<IgnoreDifference> out = new ArrayList<>();
    for (Resource r : environment.resources()) {
      if (!r.gvk().group().equals("argoproj.io") || !r.kind().equals("Rollout")) {
        continue;
      }
      JsonNode routing =
          r.body().path("spec").path("strategy").path("canary").path("trafficRouting");
      if (!routing.isObject()) {
        continue;
      }
      List<String> managed = new ArrayList<>();
      routing.path("managedRoutes").values().forEach(m -> managed.add(Trees.text(m.path("name"))));
      JsonNode plugin = routing.path("plugins").path(PLUGIN);
      for (String route : names(plugin, "httpRoute", "httpRoutes")) {
        List<String> jq = new ArrayList<>();
        jq.add(".spec.rules[].backendRefs[].weight");
        managed.forEach(m -> jq.add(".spec.rules[] | select(.name == " + quoted(m) + ")"));
        add(
            out,
            new IgnoreDifference(
                "gateway.networking.k8s.io",
                "HTTPRoute",
                route,
                List.of("/metadata/labels/" + escape(GATEWAY_IN_PROGRESS_LABEL)),
                jq));
      }
      JsonNode istio = routing.path("istio");
      List<String> virtualServices = new ArrayList<>();
      if (istio.path("virtualService").isObject()) {
        virtualServices.add(Trees.text(istio.path("virtualService").path("name")));
      }
      istio
          .path("virtualServices")
          .values()
          .forEach(v -> virtualServices.add(Trees.text(v.path("name"))));
      for (String vs : virtualServices) {
        List<String> jq = new ArrayList<>();
        jq.add(".spec.http[].route[].weight");
        managed.forEach(m -> jq.add(".spec.http[] | select(.name == " + quoted(m) + ")"));
        add(out, new IgnoreDifference("networking.istio.io", "VirtualService", vs, List.of(), jq));
      }
      String rule = Trees.text(istio.path("destinationRule").path("name"));
      if (!rule.isEmpty()) {
        add(
            out,
            new IgnoreDifference(
                "networking.istio.io",
                "DestinationRule",
                rule,
                List.of("/metadata/annotations/" + escape(MANAGED_BY_ANNOTATION)),
                List.of(".spec.subsets[].labels[\"rollouts-pod-template-hash\"]")));
      }
    }
    return out;
  }

  /** The single-name key's value and every entry of the list key, in order. */
  private static List<String> names(JsonNode config, String single, String list) {
    List<String> out = new ArrayList<>();
    String one = Trees.text(config.path(single));
    if (!one.isEmpty()) {
      out.add(one);
    }
    config.path(list).values().forEach(e -> out.add(Trees.text(e.path("name"))));
    out.removeIf(String::isEmpty);
    return out;
  }

  private static void add(List<IgnoreDifference> out, IgnoreDifference d) {
    if (!out.contains(d)) {
      out.add(d);
    }
  }

  /** A jq string literal. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** One RFC 6901 token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
