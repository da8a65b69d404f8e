package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.PlatformSettings.GatewayApi;
import dev.stonegarden.render.service.PlatformSettings.Istio;
import dev.stonegarden.render.service.PlatformSettings.Nginx;
import dev.stonegarden.render.service.PlatformSettings.ParentRef;
import dev.stonegarden.render.service.PlatformSettings.Router;
import dev.stonegarden.render.service.PlatformSettings.TrafficRouting;
import dev.stonegarden.render.service.ServiceSpec.CanaryRouting;
import dev.stonegarden.render.service.ServiceSpec.HeaderMatch;
import dev.stonegarden.render.service.ServiceSpec.MirrorMatch;
import dev.stonegarden.render.service.ServiceSpec.SetCanaryScale;
import dev.stonegarden.render.service.ServiceSpec.SetHeaderRoute;
import dev.stonegarden.render.service.ServiceSpec.SetMirrorRoute;
import dev.stonegarden.render.service.ServiceSpec.Step;
import dev.stonegarden.render.service.ServiceSpec.StringMatch;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The traffic-routing parts of platform.yaml ({@code spec.trafficRouting}) and service.yaml (an
 * environment's {@code rollout.trafficRouting}, the router steps and the router-dependent canary
 * fields): the rules a schema cannot say, and binding (docs/traffic-routing.md).
 */
final class RoutingReader {
  private RoutingReader() {}

  static final List<String> STRING_MATCH_TYPES = List.of("exact", "prefix", "regex");

  /** Steps that need a router, and the fields that do. */
  private static final List<String> ROUTER_STEPS =
      List.of("setCanaryScale", "setHeaderRoute", "setMirrorRoute");

  private static final List<String> ROUTER_FIELDS =
      List.of("scaleDownDelaySeconds", "abortScaleDownDelaySeconds", "dynamicStableScale");

  // ---- rules ----

  /**
   * The rules of one environment's {@code rollout} (at {@code pointer}) that depend on its router:
   * router steps and fields need one, each step needs a router that supports it, fields that
   * exclude each other, custom queries that name the canary Service.
   */
  static void check(
      SourceMap map, PlatformSettings platform, Problems problems, String pointer, JsonNode r) {
    if (!r.isObject() || ServiceSpec.Rollout.BLUE_GREEN.equals(Trees.text(r.path("strategy")))) {
      return; // a blueGreen has no router: the schema refuses the canary's routing keys
    }
    Router router = platform.trafficRouting().router();
    String source = "platform.yaml spec.trafficRouting.router";
    JsonNode override = r.at("/trafficRouting/router");
    if (override.isString()) {
      Checked<Router> named = Router.of(override.stringValue());
      if (!named.ok()) {
        return; // the schema reports it
      }
      router = named.value();
      source = "rollout.trafficRouting.router";
    } else if (platform.file() == null) {
      source = "the default router";
    }
    String which = "router " + router.key() + " (" + source + ")";
    for (Router other : Router.values()) {
      if (other != router && r.at("/trafficRouting").has(other.key())) {
        problems.warning(
            map.keyPosition(pointer + "/trafficRouting/" + other.key()),
            "the "
                + other.key()
                + " settings are ignored: this environment's router is "
                + router.key()
                + "; remove them, or set router: "
                + other.key());
      }
    }
    JsonNode steps = r.get("steps");
    Map<String, String> routeKinds = new LinkedHashMap<>();
    for (int i = 0; steps != null && steps.isArray() && i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      String p = pointer + "/steps/" + i;
      for (String kind : ROUTER_STEPS) {
        if (!step.has(kind)) {
          continue;
        }
        String supported = supporting(kind);
        boolean ok =
            switch (kind) {
              case "setHeaderRoute" -> router.headerRoutes();
              case "setMirrorRoute" -> router.mirrorRoutes();
              default -> router != Router.NONE;
            };
        if (!ok) {
          problems.error(
              map.keyPosition(p + "/" + kind),
              kind
                  + (router == Router.NONE
                      ? " needs a traffic router, and this environment has none ("
                          + source
                          + " is none)"
                      : " is not supported by " + which)
                  + ": "
                  + kind
                  + " works with "
                  + supported
                  + "; set rollout.trafficRouting.router (or platform.yaml"
                  + " spec.trafficRouting.router) to one of them, or remove the step");
        }
        JsonNode name = step.at("/" + kind + "/name");
        if (!kind.equals("setCanaryScale") && name.isString()) {
          String previous = routeKinds.putIfAbsent(name.stringValue(), kind);
          if (previous != null && !previous.equals(kind)) {
            problems.error(
                map.positionOf(p + "/" + kind + "/name"),
                "route \""
                    + name.stringValue()
                    + "\" is a "
                    + previous
                    + " earlier in the steps: a managed route is either a header route or a mirror"
                    + " route, give this one another name");
          }
        }
      }
    }
    for (String field : ROUTER_FIELDS) {
      if (r.has(field) && router == Router.NONE) {
        problems.error(
            map.keyPosition(pointer + "/" + field),
            field
                + " needs a traffic router, and this environment has none ("
                + source
                + " is none): Argo Rollouts uses it only with traffic routing (gatewayAPI, nginx,"
                + " istio); set rollout.trafficRouting.router, or remove "
                + field);
      }
    }
    JsonNode dynamic = r.get("dynamicStableScale");
    if (r.has("scaleDownDelaySeconds")
        && dynamic != null
        && dynamic.isBoolean()
        && dynamic.booleanValue()) {
      problems.error(
          map.keyPosition(pointer + "/dynamicStableScale"),
          "dynamicStableScale cannot be used with scaleDownDelaySeconds (line "
              + map.keyPosition(pointer + "/scaleDownDelaySeconds").line()
              + "): Argo Rollouts refuses both; remove one");
    }
    for (String field : List.of("maxSurge", "maxUnavailable")) {
      if (r.has(field) && router != Router.NONE) {
        problems.error(
            map.keyPosition(pointer + "/" + field),
            field
                + " only shapes a canary without a router (pods stand for weights), and this"
                + " environment has "
                + which
                + ": remove "
                + field
                + ", or use setCanaryScale to size the canary");
      }
    }
    JsonNode surge = r.get("maxSurge");
    JsonNode unavailable = r.get("maxUnavailable");
    if (isZero(surge) && isZero(unavailable)) {
      problems.error(
          map.positionOf(pointer + "/maxUnavailable"),
          "maxSurge and maxUnavailable cannot both be 0: no step could replace a pod (Argo Rollouts"
              + " refuses it); make one of them at least 1");
    }
    JsonNode metrics = r.at("/analysis/metrics");
    for (int i = 0; router == Router.NONE && metrics.isArray() && i < metrics.size(); i++) {
      JsonNode q = metrics.get(i).get("query");
      if (q != null && q.isString() && q.stringValue().contains("{{args.canary-service}}")) {
        problems.error(
            map.positionOf(pointer + "/analysis/metrics/" + i + "/query"),
            "{{args.canary-service}} names the canary Service, which exists only with a traffic"
                + " router, and this environment has none ("
                + source
                + " is none): select the canary by {{args.canary-hash}}, or set a router");
      }
    }
  }

  /** The routers that support {@code step}, for messages. */
  static String supporting(String step) {
    List<String> names = new ArrayList<>();
    for (Router r : Router.values()) {
      boolean ok =
          switch (step) {
            case "setHeaderRoute" -> r.headerRoutes();
            case "setMirrorRoute" -> r.mirrorRoutes();
            default -> r != Router.NONE;
          };
      if (ok) {
        names.add(r.key());
      }
    }
    return names.size() == 1 ? "router " + names.get(0) + " only" : String.join(", ", names);
  }

  private static boolean isZero(JsonNode n) {
    if (n == null) {
      return false;
    }
    if (n.isIntegralNumber()) {
      return n.intValue() == 0 && n.bigIntegerValue().signum() == 0;
    }
    return n.isString() && n.stringValue().matches("0+%");
  }

  // ---- binding ----

  /** {@code spec.trafficRouting} of platform.yaml, or NONE when absent. */
  static TrafficRouting trafficRouting(JsonNode t) {
    if (t == null || !t.isObject()) {
      return TrafficRouting.NONE;
    }
    JsonNode router = t.get("router");
    return new TrafficRouting(
        router == null ? Router.NONE : Router.of(router.stringValue()).value(),
        t.has("gatewayAPI") ? gatewayApi(t.get("gatewayAPI")) : null,
        t.has("nginx") ? nginx(t.get("nginx")) : null,
        t.has("istio") ? istio(t.get("istio")) : null);
  }

  private static GatewayApi gatewayApi(JsonNode g) {
    List<ParentRef> refs = g.has("parentRefs") ? new ArrayList<>() : null;
    for (JsonNode p : g.path("parentRefs").values()) {
      refs.add(
          new ParentRef(
              p.get("name").stringValue(),
              Trees.textOr(p.get("namespace"), null),
              Trees.textOr(p.get("sectionName"), null)));
    }
    return new GatewayApi(refs, listOrNull(g.get("hostnames")));
  }

  private static Nginx nginx(JsonNode n) {
    return new Nginx(Trees.textOr(n.get("ingressClass"), null), Trees.textOr(n.get("host"), null));
  }

  private static Istio istio(JsonNode i) {
    return new Istio(listOrNull(i.get("gateways")), listOrNull(i.get("hosts")));
  }

  private static List<String> listOrNull(JsonNode n) {
    return n == null ? null : Trees.strings(n);
  }

  /** The router-dependent fields of a validated {@code rollout}. */
  static CanaryRouting canaryRouting(JsonNode r) {
    JsonNode anti = r.get("antiAffinity");
    String antiAffinity = null;
    int weight = 0;
    if (anti != null) {
      antiAffinity = anti.has("preferred") ? "preferred" : "required";
      weight = anti.has("preferred") ? anti.at("/preferred/weight").intValue() : 0;
    }
    JsonNode dynamic = r.get("dynamicStableScale");
    return new CanaryRouting(
        r.has("trafficRouting") ? trafficRouting(r.get("trafficRouting")) : null,
        antiAffinity,
        weight,
        r.has("scaleDownDelaySeconds") ? r.get("scaleDownDelaySeconds").intValue() : null,
        r.has("abortScaleDownDelaySeconds") ? r.get("abortScaleDownDelaySeconds").intValue() : null,
        dynamic != null && dynamic.booleanValue(),
        Trees.textOr(r.get("maxSurge"), null),
        Trees.textOr(r.get("maxUnavailable"), null));
  }

  /** A router step of a validated {@code steps} entry, or null when {@code s} is another step. */
  static Step step(JsonNode s) {
    if (s.has("setCanaryScale")) {
      JsonNode c = s.get("setCanaryScale");
      return new SetCanaryScale(
          c.has("weight") ? c.get("weight").intValue() : null,
          c.has("replicas") ? c.get("replicas").intValue() : null,
          c.has("matchTrafficWeight"));
    }
    if (s.has("setHeaderRoute")) {
      JsonNode h = s.get("setHeaderRoute");
      List<HeaderMatch> match = new ArrayList<>();
      for (JsonNode m : h.get("match").values()) {
        match.add(
            new HeaderMatch(m.get("headerName").stringValue(), stringMatch(m.get("headerValue"))));
      }
      return new SetHeaderRoute(h.get("name").stringValue(), match);
    }
    if (s.has("setMirrorRoute")) {
      JsonNode m = s.get("setMirrorRoute");
      List<MirrorMatch> match = new ArrayList<>();
      for (JsonNode e : m.get("match").values()) {
        Map<String, StringMatch> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> h : e.path("headers").properties()) {
          headers.put(h.getKey(), stringMatch(h.getValue()));
        }
        match.add(
            new MirrorMatch(
                e.has("method") ? stringMatch(e.get("method")) : null,
                e.has("path") ? stringMatch(e.get("path")) : null,
                java.util.Collections.unmodifiableMap(headers)));
      }
      return new SetMirrorRoute(
          m.get("name").stringValue(),
          m.has("percentage") ? m.get("percentage").intValue() : null,
          match);
    }
    return null;
  }

  private static StringMatch stringMatch(JsonNode m) {
    for (String type : STRING_MATCH_TYPES) {
      if (m.has(type)) {
        return new StringMatch(type, m.get(type).stringValue());
      }
    }
    throw new IllegalStateException("validated string match without a type");
  }
}
