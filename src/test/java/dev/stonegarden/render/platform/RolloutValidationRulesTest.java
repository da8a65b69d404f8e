package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argo Rollouts' validation rules, encoded here and run over every Rollout the golden cases
 * (test-fixtures/generate/&#42;/expected.stdout) and the example repository (every environment of
 * every service of examples/kubernetes) render, against the other objects of the same render
 * (docs/traffic-routing.md). Each rule names where upstream states it: files of
 * argoproj/argo-rollouts (read at 9f8d111) and, for the Gateway API plugin, of
 * argoproj-labs/rollouts-plugin-trafficrouter-gatewayapi (read at 96c63fd).
 *
 * <p>The rules are checked to find violations too ({@link #eachRuleFindsItsViolation}), so a pass
 * over the renders is not a pass of checks that see nothing.
 */
class RolloutValidationRulesTest {
  static final Path PROJECT = Path.of(System.getProperty("project.dir", "."));
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PLUGIN = "argoproj-labs/gatewayAPI";
  static final String HASH_LABEL = "rollouts-pod-template-hash";

  /** One render: where it came from and its objects. */
  record Render(String name, List<JsonNode> objects) {
    List<JsonNode> rollouts() {
      return objects.stream().filter(o -> kind(o).equals("Rollout")).toList();
    }

    JsonNode find(String kind, String name) {
      for (JsonNode o : objects) {
        if (kind(o).equals(kind) && o.path("metadata").path("name").asString("").equals(name)) {
          return o;
        }
      }
      return null;
    }
  }

  static String kind(JsonNode o) {
    return o.path("kind").asString("");
  }

  // ---- the rules ----

  /** Every rule's violations for {@code rollout} within {@code render}. */
  static List<String> violations(JsonNode rollout, Render render) {
    List<String> out = new ArrayList<>();
    JsonNode canary = rollout.path("spec").path("strategy").path("canary");
    if (!canary.isObject()) {
      return out;
    }
    JsonNode routing = canary.get("trafficRouting");
    String canaryService = canary.path("canaryService").asString("");
    String stableService = canary.path("stableService").asString("");
    JsonNode steps = canary.path("steps");

    // validation.go, ValidateRolloutStrategyCanary (DuplicatedServicesCanaryMessage): canary and
    // stable Service differ.
    if (!canaryService.isEmpty() && canaryService.equals(stableService)) {
      out.add("canaryService equals stableService " + stableService);
    }
    // validation.go, requireCanaryStableServices and ValidateRolloutStrategyCanary
    // (InvalidTrafficRoutingMessage): nginx, and istio without a destinationRule, need both
    // Services. The Gateway API plugin reads both as well (pkg/plugin/httproute.go,
    // setHTTPRouteWeight), so every router here must have them.
    if (routing != null && (canaryService.isEmpty() || stableService.isEmpty())) {
      out.add("trafficRouting without canaryService and stableService");
    }
    // validation_references.go, ValidateRolloutReferencedResources and ValidateService: the
    // Services exist, and their selector (but the hash) selects the Rollout's pods.
    JsonNode podLabels = rollout.path("spec").path("template").path("metadata").path("labels");
    for (String s : List.of(canaryService, stableService)) {
      if (s.isEmpty()) {
        continue;
      }
      JsonNode svc = render.find("Service", s);
      if (svc == null) {
        out.add("Service " + s + " is not rendered");
        continue;
      }
      for (Map.Entry<String, JsonNode> e : svc.path("spec").path("selector").properties()) {
        if (!e.getKey().equals(HASH_LABEL)
            && !e.getValue().asString("").equals(podLabels.path(e.getKey()).asString(null))) {
          out.add("Service " + s + " has unmatch label " + e.getKey() + " in rollout");
        }
      }
    }
    List<String> managed = new ArrayList<>();
    if (routing != null) {
      routing.path("managedRoutes").values().forEach(m -> managed.add(m.path("name").asString("")));
    }
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      // validation.go, hasMultipleStepsType and ValidateRolloutStrategyCanary
      // (InvalidStepMessage): one action per step.
      if (step.size() != 1) {
        out.add("step " + i + " has " + step.size() + " actions");
      }
      // validation.go, ValidateRolloutStrategyCanary (InvalidSetWeightMessage): 0..maxTrafficWeight
      // (weightutil.MaxTrafficWeight: 100 unless trafficRouting.maxTrafficWeight).
      int max = routing == null ? 100 : routing.path("maxTrafficWeight").asInt(100);
      if (step.has("setWeight")
          && (step.get("setWeight").asInt() < 0 || step.get("setWeight").asInt() > max)) {
        out.add("step " + i + " setWeight out of 0.." + max);
      }
      // validation.go, ValidateRolloutStrategyCanary (InvalidSetCanaryScaleTrafficPolicy).
      if (step.has("setCanaryScale") && routing == null) {
        out.add("step " + i + " setCanaryScale without trafficRouting");
      }
      // validation.go, ValidateRolloutStrategyCanary (InvalidSetHeaderRouteTrafficPolicy): Istio,
      // ALB, Apisix or a plugin.
      if (step.has("setHeaderRoute")
          && (routing == null
              || !(routing.has("istio")
                  || routing.has("alb")
                  || routing.has("apisix")
                  || routing.has("plugins")))) {
        out.add("step " + i + " setHeaderRoute without a router that has header routes");
      }
      // validation.go, ValidateRolloutStrategyCanary (InvalidSetMirrorRouteTrafficPolicy): Istio
      // or a plugin.
      if (step.has("setMirrorRoute")
          && (routing == null || !(routing.has("istio") || routing.has("plugins")))) {
        out.add("step " + i + " setMirrorRoute without a router that has mirror routes");
      }
      // validation.go, ValidateRolloutStrategyCanary (MissingFieldMessage for managedRoutes) and
      // ValidateStepRouteFoundInManagedRoute (InvalideStepRouteNameNotFoundInManagedRoutes).
      for (String kind : List.of("setHeaderRoute", "setMirrorRoute")) {
        if (step.has(kind) && routing != null) {
          String name = step.get(kind).path("name").asString("");
          if (!managed.contains(name)) {
            out.add("step " + i + " " + kind + " " + name + " is not in managedRoutes");
          }
        }
      }
    }
    // validation.go, ValidateRolloutStrategyCanary (InvalidCanaryScaleDownDelay,
    // InvalidCanaryDynamicStableScale, InvalidCanaryDynamicStableScaleWithScaleDownDelay).
    boolean dynamic = canary.path("dynamicStableScale").asBoolean(false);
    if (routing == null && (canary.has("scaleDownDelaySeconds") || dynamic)) {
      out.add("scaleDownDelaySeconds or dynamicStableScale without trafficRouting");
    }
    if (canary.has("scaleDownDelaySeconds") && dynamic) {
      out.add("dynamicStableScale with scaleDownDelaySeconds");
    }
    // validation.go, ValidateRolloutStrategyAntiAffinity (InvalidAntiAffinityStrategyMessage,
    // InvalidAntiAffinityWeightMessage).
    JsonNode anti = canary.get("antiAffinity");
    if (anti != null) {
      JsonNode preferred = anti.get("preferredDuringSchedulingIgnoredDuringExecution");
      boolean required = anti.has("requiredDuringSchedulingIgnoredDuringExecution");
      if ((preferred == null) == !required) {
        out.add("antiAffinity needs exactly one strategy");
      }
      if (preferred != null) {
        int w = preferred.path("weight").asInt(0);
        if (w < 1 || w > 100) {
          out.add("antiAffinity weight " + w + " out of 1..100");
        }
      }
    }
    // validation.go, invalidMaxSurgeMaxUnavailable (InvalidMaxSurgeMaxUnavailable), with the
    // defaults of defaults.GetMaxSurgeOrDefault / GetMaxUnavailableOrDefault (25%).
    if (percentOrInt(canary.path("maxSurge"), 25) == 0
        && percentOrInt(canary.path("maxUnavailable"), 25) == 0) {
      out.add("maxSurge and maxUnavailable both 0");
    }
    if (routing != null) {
      out.addAll(routerViolations(routing, stableService, canaryService, render));
    }
    return out;
  }

  private static int percentOrInt(JsonNode n, int fallback) {
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    String s = n.asString("");
    return Integer.parseInt(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
  }

  /** The router's required fields and the objects they name. */
  static List<String> routerViolations(
      JsonNode routing, String stable, String canary, Render render) {
    List<String> out = new ArrayList<>();
    JsonNode nginx = routing.get("nginx");
    if (nginx != null) {
      // validation_references.go, ValidateRolloutNginxIngressesConfig: stableIngress or
      // stableIngresses, not both, not neither.
      List<String> ingresses = new ArrayList<>();
      if (nginx.has("stableIngress")) {
        ingresses.add(nginx.get("stableIngress").asString());
      }
      nginx.path("stableIngresses").values().forEach(v -> ingresses.add(v.asString()));
      if (nginx.has("stableIngress") == nginx.has("stableIngresses")) {
        out.add("nginx needs exactly one of stableIngress and stableIngresses");
      }
      // validation_references.go, validateNginxIngress and reportErrors: the Ingress has a rule
      // with the stable Service as backend.
      for (String name : ingresses) {
        JsonNode ingress = render.find("Ingress", name);
        if (ingress == null) {
          out.add("Ingress " + name + " is not rendered");
        } else if (!ingressRoutesTo(ingress, stable)) {
          out.add("ingress `" + name + "` has no rules using service " + stable + " backend");
        }
      }
    }
    JsonNode istio = routing.get("istio");
    if (istio != null) {
      // validation_references.go, ValidateRolloutVirtualServicesConfig: virtualService or
      // virtualServices.
      if (istio.has("virtualService") == istio.has("virtualServices")) {
        out.add("istio needs exactly one of virtualService and virtualServices");
      }
      List<JsonNode> refs = new ArrayList<>();
      if (istio.has("virtualService")) {
        refs.add(istio.get("virtualService"));
      }
      istio.path("virtualServices").values().forEach(refs::add);
      JsonNode rule = istio.get("destinationRule");
      for (JsonNode ref : refs) {
        String name = ref.path("name").asString("");
        JsonNode vs = render.find("VirtualService", name);
        if (vs == null) {
          out.add("VirtualService " + name + " is not rendered");
          continue;
        }
        // validation_references.go, ValidateVirtualService, and istio.go, ValidateHTTPRoutes,
        // getHttpRouteIndexesToPatch, validateVirtualServiceRouteDestinations,
        // validateDestinationRule: the named routes exist (or there is exactly one), and each has
        // the stable and canary subsets (with a DestinationRule) or Services (without).
        List<String> names = new ArrayList<>();
        ref.path("routes").values().forEach(v -> names.add(v.asString()));
        List<JsonNode> http = new ArrayList<>();
        vs.path("spec").path("http").values().forEach(http::add);
        List<JsonNode> patched = new ArrayList<>();
        if (names.isEmpty()) {
          if (http.size() != 1) {
            out.add("VirtualService " + name + " needs exactly one http route without routes");
          } else {
            patched.add(http.get(0));
          }
        }
        for (String n : names) {
          JsonNode found = null;
          for (JsonNode h : http) {
            if (n.equals(h.path("name").asString(""))) {
              found = h;
            }
          }
          if (found == null) {
            out.add("HTTP Route '" + n + "' is not found in the defined Virtual Service " + name);
          } else {
            patched.add(found);
          }
        }
        for (JsonNode h : patched) {
          List<String> seen = new ArrayList<>();
          int sum = 0;
          for (JsonNode d : h.path("route")) {
            seen.add(
                rule != null
                    ? d.path("destination").path("subset").asString("")
                    : d.path("destination").path("host").asString(""));
            sum += d.path("weight").asInt(0);
          }
          List<String> want =
              rule != null
                  ? List.of(
                      rule.path("canarySubsetName").asString(""),
                      rule.path("stableSubsetName").asString(""))
                  : List.of(canary, stable);
          for (String w : want) {
            if (!seen.contains(w)) {
              out.add("'" + w + "' not found in route of VirtualService " + name);
            }
          }
          // Istio: the weights of a route's destinations add up to 100 (weights in range).
          if (sum != 100) {
            out.add("VirtualService " + name + " route weights add up to " + sum);
          }
        }
      }
      if (rule != null) {
        // The controller reads the DestinationRule by name and edits the two subsets
        // (rollout/trafficrouting/istio/istio.go, UpdateHash / getDestinationRule): both exist.
        JsonNode dr = render.find("DestinationRule", rule.path("name").asString(""));
        if (dr == null) {
          out.add("DestinationRule " + rule.path("name").asString("") + " is not rendered");
        } else {
          List<String> subsets = new ArrayList<>();
          dr.path("spec")
              .path("subsets")
              .values()
              .forEach(s -> subsets.add(s.path("name").asString("")));
          for (String key : List.of("canarySubsetName", "stableSubsetName")) {
            if (!subsets.contains(rule.path(key).asString(""))) {
              out.add("DestinationRule lacks subset " + rule.path(key).asString(""));
            }
          }
        }
      }
    }
    JsonNode plugin = routing.path("plugins").get(PLUGIN);
    if (plugin != null) {
      // The plugin (pkg/plugin/httproute.go, setHTTPRouteWeight;
      // BackendRefWasNotFoundInHTTPRouteError): each HTTPRoute exists and has backendRefs naming
      // the stable and the canary Service; weights are not negative (Gateway API).
      List<String> routes = new ArrayList<>();
      if (plugin.has("httpRoute")) {
        routes.add(plugin.get("httpRoute").asString());
      }
      plugin.path("httpRoutes").values().forEach(r -> routes.add(r.path("name").asString("")));
      if (routes.isEmpty()) {
        out.add("the Gateway API plugin names no HTTPRoute");
      }
      for (String name : routes) {
        JsonNode route = render.find("HTTPRoute", name);
        if (route == null) {
          out.add("HTTPRoute " + name + " is not rendered");
          continue;
        }
        boolean stableFound = false;
        boolean canaryFound = false;
        for (JsonNode rule : route.path("spec").path("rules")) {
          for (JsonNode ref : rule.path("backendRefs")) {
            String n = ref.path("name").asString("");
            stableFound |= n.equals(stable);
            canaryFound |= n.equals(canary);
            if (ref.path("weight").asInt(1) < 0) {
              out.add("HTTPRoute " + name + " has a negative weight");
            }
          }
        }
        if (!stableFound || !canaryFound) {
          out.add("HTTPRoute " + name + ": backendRef was not found in httpRoute");
        }
      }
    }
    if (nginx == null && istio == null && plugin == null) {
      out.add("trafficRouting names no router this project renders");
    }
    return out;
  }

  private static boolean ingressRoutesTo(JsonNode ingress, String service) {
    JsonNode spec = ingress.path("spec");
    if (service.equals(spec.path("defaultBackend").path("service").path("name").asString(""))) {
      return true;
    }
    for (JsonNode rule : spec.path("rules")) {
      for (JsonNode p : rule.path("http").path("paths")) {
        if (service.equals(p.path("backend").path("service").path("name").asString(""))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- the renders ----

  static List<Render> goldenRenders() throws IOException {
    List<Render> out = new ArrayList<>();
    Path root = PROJECT.resolve("test-fixtures/generate");
    List<Path> cases;
    try (Stream<Path> s = Files.list(root)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path c : cases) {
      Path stdout = c.resolve("expected.stdout");
      if (!Files.exists(c.resolve("case.yaml"))) {
        continue; // a case of its own layout (diff-repo builds its repository in the test)
      }
      String args = Files.readString(c.resolve("case.yaml"), StandardCharsets.UTF_8);
      if (!Files.exists(stdout) || args.contains("args: [diff")) {
        continue;
      }
      String text = Files.readString(stdout, StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        continue;
      }
      List<JsonNode> objects = new ArrayList<>();
      if (text.startsWith("{")) {
        for (String line : text.split("\n")) {
          objects.add(JSON.readTree(line));
        }
      } else {
        for (YamlDocument d : YamlReader.read(stdout, text, YamlReader.Options.resources())) {
          objects.add(d.root());
        }
      }
      out.add(new Render(c.getFileName().toString(), objects));
    }
    return out;
  }

  static List<Render> exampleRenders() throws IOException {
    List<Render> out = new ArrayList<>();
    Path services = PROJECT.resolve("examples/kubernetes/services");
    List<Path> dirs;
    try (Stream<Path> s = Files.list(services)) {
      dirs = s.filter(d -> Files.exists(d.resolve("service.yaml"))).sorted().toList();
    }
    for (Path dir : dirs) {
      PlatformSettings platform = PlatformReader.find(dir, PROJECT);
      ServiceSpec service = ServiceReader.read(dir.resolve("service.yaml"), platform);
      for (ServiceSpec.Environment env : service.environments()) {
        List<JsonNode> objects = new ArrayList<>();
        for (Resource r :
            new EnvironmentRenderer(null)
                .build(service, env, platform, PROJECT, ArgoEnvironment.none())
                .resources()) {
          objects.add(r.body());
        }
        out.add(new Render("examples " + service.name() + " " + env.name(), objects));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyRenderedRolloutPassesArgoRolloutsRules() throws IOException {
    List<Render> renders = new ArrayList<>(goldenRenders());
    renders.addAll(exampleRenders());
    List<DynamicTest> tests = new ArrayList<>();
    int routed = 0;
    for (Render render : renders) {
      for (JsonNode rollout : render.rollouts()) {
        if (rollout.at("/spec/strategy/canary/trafficRouting").isObject()) {
          routed++;
        }
        String name = render.name() + " " + rollout.path("metadata").path("name").asString("");
        tests.add(
            dynamicTest(name, () -> assertEquals(List.of(), violations(rollout, render), name)));
      }
    }
    // Golden cases per router and the overlay's own route, and an example service per router.
    assertTrue(routed >= 7, "routed Rollouts checked: " + routed);
    return tests.stream();
  }

  // ---- the rules find what they are for ----

  private static Render routed(String goldenCase) throws IOException {
    for (Render r : goldenRenders()) {
      if (r.name().equals(goldenCase)) {
        List<JsonNode> copy = new ArrayList<>();
        r.objects().forEach(o -> copy.add(o.deepCopy()));
        return new Render(r.name(), copy);
      }
    }
    throw new AssertionError("no golden case " + goldenCase);
  }

  private static void expectViolation(String goldenCase, Consumer<Render> breakIt, String expected)
      throws IOException {
    Render render = routed(goldenCase);
    assertEquals(List.of(), violations(render.rollouts().get(0), render), "before");
    breakIt.accept(render);
    List<String> got = violations(render.rollouts().get(0), render);
    assertTrue(
        got.stream().anyMatch(v -> v.contains(expected)),
        "expected a violation containing \"" + expected + "\", got " + got);
  }

  private static ObjectNode canaryOf(Render r) {
    return (ObjectNode) r.rollouts().get(0).at("/spec/strategy/canary");
  }

  @Test
  void eachRuleFindsItsViolation() throws IOException {
    expectViolation(
        "routing-nginx",
        r -> canaryOf(r).put("canaryService", "web"),
        "canaryService equals stableService");
    expectViolation(
        "routing-nginx",
        r -> canaryOf(r).put("canaryService", "gone"),
        "Service gone is not rendered");
    expectViolation(
        "routing-nginx", r -> canaryOf(r).remove("stableService"), "without canaryService");
    expectViolation(
        "routing-nginx",
        r -> ((ObjectNode) canaryOf(r).at("/steps/1")).put("setWeight", 101),
        "setWeight out of 0..100");
    expectViolation(
        "routing-nginx",
        r -> ((ObjectNode) canaryOf(r).at("/trafficRouting/nginx")).put("stableIngress", "x"),
        "Ingress x is not rendered");
    expectViolation(
        "routing-istio",
        r -> ((ArrayNode) canaryOf(r).at("/trafficRouting/managedRoutes")).remove(0),
        "setMirrorRoute mirror-reads is not in managedRoutes");
    expectViolation(
        "routing-istio",
        r ->
            ((ObjectNode) r.find("VirtualService", "web").at("/spec/http/0/route/1"))
                .put("weight", 5),
        "route weights add up to 105");
    expectViolation(
        "routing-istio",
        r -> ((ObjectNode) r.find("DestinationRule", "web").at("/spec/subsets/0")).put("name", "c"),
        "DestinationRule lacks subset canary");
    expectViolation(
        "routing-istio",
        r ->
            ((ObjectNode) canaryOf(r).at("/trafficRouting/istio/virtualService"))
                .putArray("routes")
                .add("other"),
        "HTTP Route 'other' is not found");
    expectViolation(
        "routing-gatewayapi",
        r -> ((ArrayNode) r.find("HTTPRoute", "web").at("/spec/rules/0/backendRefs")).remove(1),
        "backendRef was not found");
    expectViolation(
        "routing-gatewayapi",
        r -> canaryOf(r).remove("trafficRouting"),
        "setCanaryScale without trafficRouting");
    expectViolation(
        "routing-gatewayapi",
        r -> canaryOf(r).put("dynamicStableScale", true),
        "dynamicStableScale with scaleDownDelaySeconds");
    expectViolation(
        "routing-gatewayapi",
        r ->
            ((ObjectNode)
                    canaryOf(r).at("/antiAffinity/preferredDuringSchedulingIgnoredDuringExecution"))
                .put("weight", 0),
        "antiAffinity weight 0 out of 1..100");
    expectViolation(
        "routing-gatewayapi",
        r -> canaryOf(r).put("maxSurge", 0).put("maxUnavailable", "0%"),
        "maxSurge and maxUnavailable both 0");
  }
}
