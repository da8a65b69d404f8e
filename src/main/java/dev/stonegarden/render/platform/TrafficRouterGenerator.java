package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.PlatformSettings.Router;
import dev.stonegarden.render.service.PlatformSettings.TrafficRouting;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes the canary of every Rollout the platform converted, in an environment with a traffic
 * router (docs/traffic-routing.md): the workload's Service stays the stable Service, a canary
 * Service {@code <service>-canary} is added ({@link CanaryServices}), the Rollout gets {@code
 * canaryService}, {@code stableService}, {@code trafficRouting} (with {@code managedRoutes} from
 * the header and mirror steps), and the router object is found in the overlay or created:
 *
 * <ul>
 *   <li>gatewayAPI: an HTTPRoute whose rule has both Services as backends (stable weight 100,
 *       canary 0), handed to the plugin {@value #PLUGIN};
 *   <li>nginx: the stable Ingress ({@code stableIngress}); Argo Rollouts creates the canary Ingress
 *       from it;
 *   <li>istio: a VirtualService whose route has the subsets {@code stable} (100) and {@code canary}
 *       (0) of a DestinationRule.
 * </ul>
 *
 * <p>An overlay object is used, not duplicated, when it already routes to the stable Service: an
 * HTTPRoute with a backendRef naming it, an Ingress with a path (or default) backend naming it, a
 * VirtualService with a route destination whose host is its name (short or {@code
 * name.namespace[.svc[.cluster.local]]}). What the router needs and the overlay object lacks (the
 * canary backend, the subsets) is added to it.
 *
 * <p>With background analysis, the Rollout passes the canary Service's name as the argument {@value
 * #SERVICE_ARG} (docs/traffic-routing.md#analysis).
 */
public record TrafficRouterGenerator(
    ServiceSpec service, ServiceSpec.Environment environment, PlatformSettings platform)
    implements Transformer {

  /** The Gateway API plugin's name in Argo Rollouts' {@code trafficRouterPlugins}. */
  static final String PLUGIN = "argoproj-labs/gatewayAPI";

  /** The analysis argument that carries the canary Service's name. */
  static final String SERVICE_ARG = "canary-service";

  static final String STABLE_SUBSET = "stable";
  static final String CANARY_SUBSET = "canary";

  /** The name of the VirtualService http route the platform creates. */
  static final String PRIMARY_ROUTE = "primary";

  static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
  static final String ISTIO_API = "networking.istio.io/v1";

  /** The environment's router, with platform.yaml's settings under service.yaml's override. */
  static TrafficRouting routing(ServiceSpec.Environment environment, PlatformSettings platform) {
    ServiceSpec.Rollout rollout = environment.rollout();
    if (rollout == null) {
      return TrafficRouting.NONE;
    }
    TrafficRouting override = rollout.routing().trafficRouting();
    return override == null ? platform.trafficRouting() : override.over(platform.trafficRouting());
  }

  @Override
  public void transform(ResourceList resources) {
    TrafficRouting routing = routing(environment, platform);
    if (routing.router() == Router.NONE) {
      return;
    }
    Problems problems = new Problems();
    for (Resource rollout : resources.select(TrafficRouterGenerator::converted)) {
      Resource stable = CanaryServices.workloadService(resources, rollout, problems, origin());
      if (stable == null) {
        continue;
      }
      String canaryName = CanaryServices.ensureCanary(resources, stable, origin());
      ObjectNode canary = Nodes.ensure(rollout.body(), List.of("spec", "strategy", "canary"));
      canary.put("canaryService", canaryName);
      canary.put("stableService", stable.name());
      ObjectNode trafficRouting = Nodes.object();
      List<String> managed = environment.rollout().managedRoutes();
      if (!managed.isEmpty()) {
        ArrayNode routes = trafficRouting.putArray("managedRoutes");
        managed.forEach(n -> routes.addObject().put("name", n));
      }
      switch (routing.router()) {
        case GATEWAY_API ->
            gatewayApi(resources, routing, stable, canaryName, trafficRouting, problems);
        case NGINX -> nginx(resources, routing, stable, trafficRouting);
        case ISTIO -> istio(resources, routing, stable, trafficRouting, problems);
        case NONE -> throw new IllegalStateException();
      }
      canary.set("trafficRouting", trafficRouting);
      passCanaryService(canary, canaryName);
    }
    problems.throwIfErrors();
  }

  /** Rollouts the platform converted from Deployments (the overlay's own keep their routing). */
  static boolean converted(Resource r) {
    return KindTables.is(r, KindTables.ROLLOUT)
        && r.previousIds().stream().anyMatch(id -> KindTables.DEPLOYMENT.sameGroupKind(id.gvk()));
  }

  private SourcePosition origin() {
    ServiceSpec.Rollout rollout = environment.rollout();
    return rollout.routing().trafficRouting() != null
        ? Nodes.at(service, Nodes.envPointer(environment, "rollout", "trafficRouting"))
        : Nodes.at(service, Nodes.envPointer(environment, "rollout"));
  }

  // ---- gatewayAPI ----

  private void gatewayApi(
      ResourceList resources,
      TrafficRouting routing,
      Resource stable,
      String canaryName,
      ObjectNode trafficRouting,
      Problems problems) {
    List<String> names = new ArrayList<>();
    for (Resource route : resources.select(r -> is(r, GATEWAY_GROUP, "HTTPRoute"))) {
      boolean routes = false;
      for (ObjectNode rule : Nodes.objects(route.body().path("spec"), "rules")) {
        ObjectNode stableRef = null;
        boolean hasCanary = false;
        for (ObjectNode ref : Nodes.objects(rule, "backendRefs")) {
          if (isServiceRef(ref) && Trees.string(ref, "name").equals(stable.name())) {
            stableRef = ref;
          }
          if (isServiceRef(ref) && Trees.string(ref, "name").equals(canaryName)) {
            hasCanary = true;
          }
        }
        if (stableRef == null) {
          continue;
        }
        routes = true;
        if (!stableRef.has("weight")) {
          stableRef.put("weight", 100);
        }
        if (!hasCanary) {
          ObjectNode canaryRef = stableRef.deepCopy();
          canaryRef.put("name", canaryName);
          canaryRef.put("weight", 0);
          ((ArrayNode) rule.get("backendRefs")).add(canaryRef);
        }
      }
      if (routes) {
        names.add(route.name());
      }
    }
    if (names.isEmpty()) {
      PlatformSettings.GatewayApi settings = routing.gatewayAPI();
      if (settings == null || settings.parentRefs() == null || settings.parentRefs().isEmpty()) {
        problems.error(
            origin(),
            "router gatewayAPI needs an HTTPRoute for Service "
                + stable.name()
                + ": the overlay has none whose backendRefs name it, and no gatewayAPI.parentRefs"
                + " are set to create one; add parentRefs (the Gateway) to platform.yaml"
                + " spec.trafficRouting.gatewayAPI or rollout.trafficRouting.gatewayAPI, or add an"
                + " HTTPRoute to the overlay");
        return;
      }
      resources.add(httpRoute(settings, stable, canaryName));
      names.add(stable.name());
    }
    ObjectNode plugin = trafficRouting.putObject("plugins").putObject(PLUGIN);
    ArrayNode httpRoutes = plugin.putArray("httpRoutes");
    boolean headerRoutes =
        environment.rollout().steps().stream()
            .anyMatch(s -> s instanceof ServiceSpec.SetHeaderRoute);
    for (String n : names) {
      ObjectNode entry = httpRoutes.addObject().put("name", n);
      if (headerRoutes) {
        entry.put("useHeaderRoutes", true);
      }
    }
  }

  private static boolean isServiceRef(ObjectNode ref) {
    String kind = Trees.string(ref, "kind");
    String group = Trees.string(ref, "group");
    return (kind.isEmpty() || kind.equals("Service")) && group.isEmpty();
  }

  private Resource httpRoute(
      PlatformSettings.GatewayApi settings, Resource stable, String canaryName) {
    ObjectNode body =
        Nodes.newObject(GATEWAY_GROUP + "/v1", "HTTPRoute", stable.name(), environment.namespace());
    ObjectNode spec = body.putObject("spec");
    ArrayNode parents = spec.putArray("parentRefs");
    for (PlatformSettings.ParentRef p : settings.parentRefs()) {
      ObjectNode ref = parents.addObject().put("name", p.name());
      if (p.namespace() != null) {
        ref.put("namespace", p.namespace());
      }
      if (p.sectionName() != null) {
        ref.put("sectionName", p.sectionName());
      }
    }
    if (settings.hostnames() != null && !settings.hostnames().isEmpty()) {
      ArrayNode hosts = spec.putArray("hostnames");
      settings.hostnames().forEach(hosts::add);
    }
    ArrayNode refs = spec.putArray("rules").addObject().putArray("backendRefs");
    JsonNode port = CanaryServices.firstPort(stable);
    ObjectNode s = refs.addObject().put("name", stable.name());
    ObjectNode c = refs.addObject().put("name", canaryName);
    if (port != null) {
      s.set("port", port.deepCopy());
      c.set("port", port.deepCopy());
    }
    s.put("weight", 100);
    c.put("weight", 0);
    return Nodes.generated(body, origin());
  }

  // ---- nginx ----

  private void nginx(
      ResourceList resources, TrafficRouting routing, Resource stable, ObjectNode trafficRouting) {
    List<String> names = new ArrayList<>();
    for (Resource ingress : resources.select(r -> is(r, "networking.k8s.io", "Ingress"))) {
      JsonNode spec = ingress.body().path("spec");
      boolean routes =
          stable
              .name()
              .equals(Trees.text(spec.path("defaultBackend").path("service").path("name")));
      for (ObjectNode rule : Nodes.objects(spec, "rules")) {
        for (ObjectNode path : Nodes.objects(rule.path("http"), "paths")) {
          if (stable.name().equals(Trees.text(path.path("backend").path("service").path("name")))) {
            routes = true;
          }
        }
      }
      if (routes) {
        names.add(ingress.name());
      }
    }
    if (names.isEmpty()) {
      resources.add(ingress(routing.nginx(), stable));
      names.add(stable.name());
    }
    ObjectNode nginx = trafficRouting.putObject("nginx");
    if (names.size() == 1) {
      nginx.put("stableIngress", names.get(0));
    } else {
      ArrayNode list = nginx.putArray("stableIngresses");
      names.forEach(list::add);
    }
  }

  private Resource ingress(PlatformSettings.Nginx settings, Resource stable) {
    ObjectNode body =
        Nodes.newObject("networking.k8s.io/v1", "Ingress", stable.name(), environment.namespace());
    ObjectNode spec = body.putObject("spec");
    spec.put(
        "ingressClassName",
        settings == null || settings.ingressClass() == null
            ? PlatformSettings.Nginx.DEFAULT_CLASS
            : settings.ingressClass());
    ObjectNode rule = spec.putArray("rules").addObject();
    if (settings != null && settings.host() != null) {
      rule.put("host", settings.host());
    }
    ObjectNode path = rule.putObject("http").putArray("paths").addObject();
    path.put("path", "/");
    path.put("pathType", "Prefix");
    ObjectNode backend = path.putObject("backend").putObject("service");
    backend.put("name", stable.name());
    JsonNode port = CanaryServices.firstPort(stable);
    if (port != null) {
      backend.putObject("port").set("number", port.deepCopy());
    }
    return Nodes.generated(body, origin());
  }

  // ---- istio ----

  private void istio(
      ResourceList resources,
      TrafficRouting routing,
      Resource stable,
      ObjectNode trafficRouting,
      Problems problems) {
    List<String> hosts = hostNames(stable.name());
    ArrayNode virtualServices = Nodes.JSON.arrayNode();
    for (Resource vs : resources.select(r -> is(r, "networking.istio.io", "VirtualService"))) {
      List<ObjectNode> http = Nodes.objects(vs.body().path("spec"), "http");
      List<String> routeNames = new ArrayList<>();
      boolean routes = false;
      for (int i = 0; i < http.size(); i++) {
        ObjectNode entry = http.get(i);
        List<ObjectNode> dests = Nodes.objects(entry, "route");
        String host = null;
        for (ObjectNode d : dests) {
          String h = Trees.text(d.path("destination").path("host"));
          if (hosts.contains(h)) {
            host = h;
          }
        }
        if (host == null) {
          continue;
        }
        routes = true;
        if (dests.size() != 1 && !hasSubsets(dests)) {
          problems.error(
              vs.positionOf("/spec/http/" + i + "/route"),
              Nodes.describe(vs)
                  + " routes to Service "
                  + stable.name()
                  + " together with other destinations in http["
                  + i
                  + "]: Argo Rollouts needs a route whose destinations are the stable and canary"
                  + " subsets of "
                  + stable.name()
                  + " only; give the other destinations a route of their own");
          continue;
        }
        if (!hasSubsets(dests)) {
          ObjectNode only = dests.get(0);
          ArrayNode route = entry.putArray("route");
          route.add(subsetDestination(only, STABLE_SUBSET, 100));
          route.add(subsetDestination(only, CANARY_SUBSET, 0));
        }
        String name = Trees.string(entry, "name");
        if (name.isEmpty() && http.size() > 1) {
          problems.error(
              vs.positionOf("/spec/http/" + i),
              Nodes.describe(vs)
                  + " has several http routes, and http["
                  + i
                  + "], which routes to Service "
                  + stable.name()
                  + ", has no name: Argo Rollouts names the routes it sets weights on; give it"
                  + " a name");
        } else if (!name.isEmpty()) {
          routeNames.add(name);
        }
      }
      if (routes) {
        ObjectNode ref = virtualServices.addObject().put("name", vs.name());
        if (!routeNames.isEmpty()) {
          ArrayNode list = ref.putArray("routes");
          routeNames.forEach(list::add);
        }
      }
    }
    if (virtualServices.isEmpty()) {
      resources.add(virtualService(routing.istio(), stable));
      virtualServices.addObject().put("name", stable.name()).putArray("routes").add(PRIMARY_ROUTE);
    }
    String ruleName = destinationRule(resources, stable, hosts);
    ObjectNode istio = trafficRouting.putObject("istio");
    if (virtualServices.size() == 1) {
      istio.set("virtualService", virtualServices.get(0));
    } else {
      istio.set("virtualServices", virtualServices);
    }
    ObjectNode dr = istio.putObject("destinationRule");
    dr.put("name", ruleName);
    dr.put("canarySubsetName", CANARY_SUBSET);
    dr.put("stableSubsetName", STABLE_SUBSET);
  }

  /** The names a destination's host may give the Service {@code name} by. */
  private List<String> hostNames(String name) {
    String ns = environment.namespace();
    return List.of(
        name, name + "." + ns, name + "." + ns + ".svc", name + "." + ns + ".svc.cluster.local");
  }

  private static boolean hasSubsets(List<ObjectNode> dests) {
    List<String> subsets = new ArrayList<>();
    dests.forEach(d -> subsets.add(Trees.text(d.path("destination").path("subset"))));
    return subsets.contains(STABLE_SUBSET) && subsets.contains(CANARY_SUBSET);
  }

  private static ObjectNode subsetDestination(ObjectNode original, String subset, int weight) {
    ObjectNode d = original.deepCopy();
    ((ObjectNode) d.get("destination")).put("subset", subset);
    d.put("weight", weight);
    return d;
  }

  private Resource virtualService(PlatformSettings.Istio settings, Resource stable) {
    ObjectNode body =
        Nodes.newObject(ISTIO_API, "VirtualService", stable.name(), environment.namespace());
    ObjectNode spec = body.putObject("spec");
    ArrayNode hosts = spec.putArray("hosts");
    if (settings == null || settings.hosts() == null) {
      hosts.add(stable.name());
    } else {
      settings.hosts().forEach(hosts::add);
    }
    if (settings != null && settings.gateways() != null && !settings.gateways().isEmpty()) {
      ArrayNode gateways = spec.putArray("gateways");
      settings.gateways().forEach(gateways::add);
    }
    ObjectNode http = spec.putArray("http").addObject();
    http.put("name", PRIMARY_ROUTE);
    ArrayNode route = http.putArray("route");
    ObjectNode only = Nodes.object();
    only.putObject("destination").put("host", stable.name());
    route.add(subsetDestination(only, STABLE_SUBSET, 100));
    route.add(subsetDestination(only, CANARY_SUBSET, 0));
    return Nodes.generated(body, origin());
  }

  /**
   * The DestinationRule of the stable Service: the overlay's (its host names the Service), given
   * the subsets it lacks, or a new one named like the Service. Subsets select the Service's pods;
   * Argo Rollouts adds the pod-template hash to each.
   *
   * @return its name
   */
  private String destinationRule(ResourceList resources, Resource stable, List<String> hosts) {
    ObjectNode selector = Nodes.objectAt(stable.body(), List.of("spec", "selector"));
    for (Resource dr : resources.select(r -> is(r, "networking.istio.io", "DestinationRule"))) {
      if (!hosts.contains(Trees.text(dr.body().path("spec").path("host")))) {
        continue;
      }
      ObjectNode spec = Nodes.child(dr.body(), "spec");
      List<String> present = new ArrayList<>();
      Nodes.objects(spec, "subsets").forEach(s -> present.add(Trees.string(s, "name")));
      ArrayNode subsets =
          spec.has("subsets") ? (ArrayNode) spec.get("subsets") : spec.putArray("subsets");
      for (String subset : List.of(CANARY_SUBSET, STABLE_SUBSET)) {
        if (!present.contains(subset)) {
          addSubset(subsets, subset, selector);
        }
      }
      return dr.name();
    }
    ObjectNode body =
        Nodes.newObject(ISTIO_API, "DestinationRule", stable.name(), environment.namespace());
    ObjectNode spec = body.putObject("spec");
    spec.put("host", stable.name());
    ArrayNode subsets = spec.putArray("subsets");
    addSubset(subsets, CANARY_SUBSET, selector);
    addSubset(subsets, STABLE_SUBSET, selector);
    resources.add(Nodes.generated(body, origin()));
    return stable.name();
  }

  private static void addSubset(ArrayNode subsets, String name, ObjectNode selector) {
    ObjectNode s = subsets.addObject().put("name", name);
    if (selector != null && !selector.isEmpty()) {
      s.set("labels", selector.deepCopy());
    }
  }

  // ---- analysis ----

  /**
   * Background analysis that runs the platform's templates gets the canary Service's name as
   * {@value #SERVICE_ARG} ({@link AnalysisTemplateGenerator} declares it in their templates).
   */
  private static void passCanaryService(ObjectNode canary, String canaryName) {
    passToAnalysis(Nodes.objectAt(canary, List.of("analysis")), canaryName);
    for (ObjectNode step : Nodes.objects(canary, "steps")) {
      passToAnalysis(Nodes.objectAt(step, List.of("analysis")), canaryName);
    }
  }

  /** One analysis (background, or a step's, docs/canary.md#analysis-steps). */
  private static void passToAnalysis(ObjectNode analysis, String canaryName) {
    if (analysis == null) {
      return;
    }
    boolean ours =
        Nodes.objects(analysis, "args").stream()
            .anyMatch(a -> AnalysisTemplateGenerator.HASH_ARG.equals(Trees.string(a, "name")));
    boolean present =
        Nodes.objects(analysis, "args").stream()
            .anyMatch(a -> SERVICE_ARG.equals(Trees.string(a, "name")));
    if (ours && !present) {
      ((ArrayNode) analysis.get("args"))
          .addObject()
          .put("name", SERVICE_ARG)
          .put("value", canaryName);
    }
  }

  private static boolean is(Resource r, String group, String kind) {
    return r.gvk().group().equals(group) && r.kind().equals(kind);
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    TrafficRouting routing = routing(environment, platform);
    return "traffic router: "
        + (environment.rollout() == null
            ? "none (no rollout)"
            : routing.router() == Router.NONE
                ? "none (weights are pod counts)"
                : routing.router().key() + " (stable and canary Services, router object)");
  }
}
