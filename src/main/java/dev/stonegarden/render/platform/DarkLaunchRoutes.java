package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dark launch through the router (docs/feature-flags.md#routing-testers-to-the-canary): in a
 * canary environment with a traffic router, the requests that carry a dark-launch header go to the
 * canary from the start of the rollout, before any weight step gives it users, so testers reach the
 * new version (and the flag on in it) before anybody else does.
 *
 * <p>Runs after {@link TrafficRouterGenerator}, on every Rollout whose canary has {@code
 * trafficRouting}:
 *
 * <ul>
 *   <li>Gateway API plugin and Istio: a {@code setHeaderRoute} step {@code dark-launch-<flag>} per
 *       dark-launching flag, first in the steps and first in {@code managedRoutes} (the first route
 *       wins); the plugin's HTTPRoutes get {@code useHeaderRoutes};
 *   <li>nginx: {@code canary-by-header} and {@code canary-by-header-value} in {@code
 *       additionalIngressAnnotations}, on the canary Ingress the controller creates; nginx routes
 *       one header, so two dark launches with different headers are an error;
 *   <li>either way the canary gets a pod before its first weight ({@link #insertFirst}).
 * </ul>
 *
 * A canary environment without a router gets a warning ({@link RolloutChecks}): its canary pods
 * take a share of all requests, and the header reaches them only by that chance.
 */
public record DarkLaunchRoutes(ServiceSpec service, ServiceSpec.Environment environment)
    implements Transformer {

  static final String ROUTE_PREFIX = "dark-launch-";

  @Override
  public void transform(ResourceList resources) {
    List<ServiceSpec.FeatureFlag> flags = canaryDarkLaunches();
    if (flags.isEmpty()) {
      return;
    }
    Problems problems = new Problems();
    for (Resource r : resources) {
      ObjectNode canary =
          KindTables.is(r, KindTables.ROLLOUT)
              ? Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary"))
              : null;
      ObjectNode routing =
          canary == null ? null : Nodes.objectAt(canary, List.of("trafficRouting"));
      if (routing == null) {
        continue;
      }
      if (routing.has("nginx")) {
        nginx(r, (ObjectNode) routing.get("nginx"), flags, problems);
      } else {
        headerRoutes(r, canary, routing, flags, problems);
      }
    }
    problems.throwIfErrors();
  }

  /** The flags that dark-launch here, when this environment is a canary; else none. */
  private List<ServiceSpec.FeatureFlag> canaryDarkLaunches() {
    return canaryDarkLaunches(service, environment);
  }

  /** The flags that dark-launch in {@code environment}, when it is a canary; else none. */
  static List<ServiceSpec.FeatureFlag> canaryDarkLaunches(
      ServiceSpec service, ServiceSpec.Environment environment) {
    ServiceSpec.Rollout rollout = environment.rollout();
    if (rollout == null || rollout.isBlueGreen()) {
      return List.of();
    }
    return service.darkLaunches(environment.name());
  }

  private void headerRoutes(
      Resource r,
      ObjectNode canary,
      ObjectNode routing,
      List<ServiceSpec.FeatureFlag> flags,
      Problems problems) {
    List<String> taken = new ArrayList<>();
    Nodes.objects(routing, "managedRoutes").forEach(m -> taken.add(Trees.string(m, "name")));
    List<ObjectNode> steps = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ServiceSpec.FeatureFlag f : flags) {
      String name = ROUTE_PREFIX + f.name();
      if (taken.contains(name)) {
        problems.error(
            Nodes.at(service, darkLaunchPointer(f)),
            "the dark launch of "
                + f.name()
                + " needs the managed route "
                + name
                + " in Rollout "
                + r.name()
                + ", which a step of the rollout already names: rename that route");
        continue;
      }
      ServiceSpec.DarkLaunch d = f.darkLaunch();
      steps.add(
          RouterSteps.json(
              new ServiceSpec.SetHeaderRoute(
                  name,
                  List.of(
                      new ServiceSpec.HeaderMatch(
                          d.header(), new ServiceSpec.StringMatch("exact", d.value()))))));
      names.add(name);
    }
    if (names.isEmpty()) {
      return;
    }
    insertFirst(canary, steps);
    ArrayNode managed =
        routing.get("managedRoutes") instanceof ArrayNode m ? m : routing.putArray("managedRoutes");
    for (int i = 0; i < names.size(); i++) {
      managed.insert(i, Nodes.object().put("name", names.get(i)));
    }
    JsonNode plugin = routing.path("plugins").path(TrafficRouterGenerator.PLUGIN);
    for (JsonNode route : plugin.path("httpRoutes").values()) {
      if (route instanceof ObjectNode o) {
        o.put("useHeaderRoutes", true);
      }
    }
  }

  /**
   * Puts {@code routes} first in the canary's steps, so testers are routed for the whole rollout,
   * and gives the canary a pod before it has any weight: unless the steps size the canary
   * themselves before their first {@code setWeight}, {@code setCanaryScale: {replicas: 1}} goes
   * first and {@code setCanaryScale: {matchTrafficWeight: true}} just before that {@code setWeight}
   * (with a router the canary's pods follow its weight, and at weight 0 it has none). A background
   * analysis that starts at a step keeps that step.
   */
  private static void insertFirst(ObjectNode canary, List<ObjectNode> routes) {
    ArrayNode steps = canary.get("steps") instanceof ArrayNode a ? a : canary.putArray("steps");
    int firstWeight = steps.size();
    boolean sized = false;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).has("setWeight")) {
        firstWeight = i;
        break;
      }
      sized |= steps.get(i).has("setCanaryScale");
    }
    List<ObjectNode> first = new ArrayList<>();
    if (!sized) {
      first.add(scale(Nodes.object().put("replicas", 1)));
    }
    first.addAll(routes);
    boolean back = !sized && firstWeight < steps.size();
    if (back) {
      steps.insert(firstWeight, scale(Nodes.object().put("matchTrafficWeight", true)));
    }
    for (int i = first.size() - 1; i >= 0; i--) {
      steps.insert(0, first.get(i));
    }
    if (canary.get("analysis") instanceof ObjectNode a && a.path("startingStep").isInt()) {
      int start = a.get("startingStep").intValue();
      a.put("startingStep", start + first.size() + (back && start >= firstWeight ? 1 : 0));
    }
  }

  private static ObjectNode scale(ObjectNode how) {
    ObjectNode step = Nodes.object();
    step.set("setCanaryScale", how);
    return step;
  }

  private void nginx(
      Resource r, ObjectNode nginx, List<ServiceSpec.FeatureFlag> flags, Problems problems) {
    ServiceSpec.FeatureFlag first = flags.get(0);
    for (ServiceSpec.FeatureFlag f : flags.subList(1, flags.size())) {
      if (!same(f.darkLaunch(), first.darkLaunch())) {
        problems.error(
            Nodes.at(service, darkLaunchPointer(f) + "/header"),
            "router nginx sends one header to the canary, and the dark launch of "
                + first.name()
                + " (line "
                + Nodes.at(service, darkLaunchPointer(first) + "/header").line()
                + ") already uses "
                + first.darkLaunch().header()
                + ": "
                + first.darkLaunch().value()
                + "; give both dark launches the same header and value, or use router gatewayAPI"
                + " or istio, which route each header");
      }
    }
    insertFirst(Nodes.objectAt(r.body(), List.of("spec", "strategy", "canary")), List.of());
    ObjectNode annotations =
        nginx.get("additionalIngressAnnotations") instanceof ObjectNode a
            ? a
            : nginx.putObject("additionalIngressAnnotations");
    String header = first.darkLaunch().header();
    String value = first.darkLaunch().value();
    for (String[] kv :
        new String[][] {{"canary-by-header", header}, {"canary-by-header-value", value}}) {
      String set = Trees.string(annotations, kv[0]);
      if (!set.isEmpty() && !set.equals(kv[1])) {
        problems.error(
            Nodes.at(service, darkLaunchPointer(first)),
            "the dark launch of "
                + first.name()
                + " needs "
                + kv[0]
                + ": "
                + kv[1]
                + " on Rollout "
                + r.name()
                + "'s canary Ingress, which the overlay sets to "
                + set
                + ": remove it from the overlay's additionalIngressAnnotations");
      } else {
        annotations.put(kv[0], kv[1]);
      }
    }
  }

  private static boolean same(ServiceSpec.DarkLaunch a, ServiceSpec.DarkLaunch b) {
    return a.header().equalsIgnoreCase(b.header()) && a.value().equals(b.value());
  }

  static String darkLaunchPointer(ServiceSpec.FeatureFlag f) {
    return "/spec/featureFlags/" + f.index() + "/darkLaunch";
  }

  /** What {@code --verbose} prints; nothing for a service without dark launches. */
  @Override
  public String toString() {
    List<ServiceSpec.FeatureFlag> flags = canaryDarkLaunches();
    if (flags.isEmpty()) {
      return "";
    }
    List<String> headers = new ArrayList<>();
    flags.forEach(f -> headers.add(f.darkLaunch().header()));
    return "dark-launch routes: requests with " + String.join(", ", headers) + " go to the canary";
  }
}
