package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.PlatformSettings.Router;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How {@link TrafficRouterGenerator} finds the workload's Service and the overlay's router objects
 * (docs/traffic-routing.md#services, docs/traffic-routing.md#the-router-object).
 */
class TrafficRouterGeneratorTest {
  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web, tier: front}}
          spec: {containers: [{name: web, image: web:1}]}
      """;

  static ServiceSpec.Environment env(Router router) {
    return new ServiceSpec.Environment(
        "canary",
        null,
        "ns",
        false,
        new ServiceSpec.Rollout(
            "canary",
            List.of(new ServiceSpec.SetWeight(10), new ServiceSpec.Pause(null)),
            List.of(),
            new ServiceSpec.CanaryRouting(
                new PlatformSettings.TrafficRouting(router, null, null, null),
                null,
                0,
                null,
                null,
                false,
                null,
                null)),
        2);
  }

  static ResourceList render(Router router, String overlay) {
    ServiceSpec.Environment env = env(router);
    ServiceSpec service = Fixtures.service(env);
    ResourceList list = resources(DEPLOYMENT + "---\n" + overlay);
    new CanaryRolloutTransformer(service, env, null).transform(list);
    new TrafficRouterGenerator(service, env, Fixtures.platform()).transform(list);
    return list;
  }

  static String error(Router router, String overlay) {
    InputException e = assertThrows(InputException.class, () -> render(router, overlay));
    return e.diagnostics().get(0).message();
  }

  static JsonNode find(ResourceList list, String kind, String name) {
    for (Resource r : list) {
      if (r.kind().equals(kind) && r.name().equals(name)) {
        return r.body();
      }
    }
    return null;
  }

  static long count(ResourceList list, String kind) {
    return list.asList().stream().filter(r -> r.kind().equals(kind)).count();
  }

  static final String SERVICE =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
          + "spec: {selector: {app: web}, ports: [{name: http, port: 8080}]}\n";

  @Test
  void noServiceSelectsThePods() {
    String message =
        error(
            Router.NGINX,
            "apiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec: {selector: {app: other}}\n");
    assertTrue(message.contains("no Service of the overlay selects its pods"), message);
  }

  @Test
  void aHeadlessServiceIsPassedOver() {
    String headless =
        "apiVersion: v1\nkind: Service\nmetadata: {name: web-headless}\n"
            + "spec: {clusterIP: None, selector: {app: web}}\n---\n";
    ResourceList list = render(Router.NGINX, headless + SERVICE);
    assertEquals(
        "web",
        list.asList().stream()
            .filter(r -> r.kind().equals("Rollout"))
            .findFirst()
            .get()
            .body()
            .at("/spec/strategy/canary/stableService")
            .asString());
  }

  @Test
  void severalServicesTheOneNamedLikeTheWorkloadElseAnError() {
    String api =
        "apiVersion: v1\nkind: Service\nmetadata: {name: web-api}\nspec: {selector: {tier: front}}\n---\n";
    ResourceList list = render(Router.NGINX, api + SERVICE);
    assertTrue(find(list, "Service", "web-canary") != null);
    assertTrue(find(list, "Service", "web-api-canary") == null);
    String both =
        api
            + "apiVersion: v1\nkind: Service\nmetadata: {name: web-public}\n"
            + "spec: {selector: {app: web}}\n";
    String message = error(Router.NGINX, both);
    assertTrue(message.contains("several Services select its pods (web-api, web-public)"), message);
  }

  @Test
  void anOverlayCanaryServiceIsKept() {
    String canary =
        "apiVersion: v1\nkind: Service\nmetadata: {name: web-canary, annotations: {mine: 'yes'}}\n"
            + "spec: {selector: {app: web}}\n---\n";
    ResourceList list = render(Router.NGINX, canary + SERVICE);
    assertEquals(2, count(list, "Service"));
    assertEquals(
        "yes", find(list, "Service", "web-canary").at("/metadata/annotations/mine").asString());
  }

  @Test
  void anOverlayIngressWithADefaultBackendIsTheStableIngress() {
    String ingress =
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: edge}\n"
            + "spec: {defaultBackend: {service: {name: web, port: {number: 8080}}}}\n---\n";
    ResourceList list = render(Router.NGINX, ingress + SERVICE);
    assertEquals(1, count(list, "Ingress"));
    JsonNode rollout = find(list, "Rollout", "web");
    assertEquals(
        "edge", rollout.at("/spec/strategy/canary/trafficRouting/nginx/stableIngress").asString());
  }

  @Test
  void anOverlayVirtualServiceGetsTheSubsetsAndItsDestinationRuleTheMissingOnes() {
    String vs =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web-routes}
        spec:
          hosts: [web.example.com]
          http:
          - name: main
            route:
            - destination: {host: web.ns.svc.cluster.local, port: {number: 8080}}
          - name: other
            route:
            - destination: {host: api}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: web-dr}
        spec:
          host: web
          subsets:
          - name: stable
            labels: {app: web}
        ---
        """;
    ResourceList list = render(Router.ISTIO, vs + SERVICE);
    assertEquals(1, count(list, "VirtualService"));
    assertEquals(1, count(list, "DestinationRule"));
    JsonNode route = find(list, "VirtualService", "web-routes").at("/spec/http/0/route");
    assertEquals(2, route.size());
    assertEquals("stable", route.get(0).at("/destination/subset").asString());
    assertEquals(100, route.get(0).get("weight").asInt());
    assertEquals("canary", route.get(1).at("/destination/subset").asString());
    assertEquals(0, route.get(1).get("weight").asInt());
    assertEquals(8080, route.get(1).at("/destination/port/number").asInt());
    assertEquals(
        "[stable, canary]",
        find(list, "DestinationRule", "web-dr")
            .at("/spec/subsets")
            .valueStream()
            .map(s -> s.get("name").asString())
            .toList()
            .toString());
    JsonNode istio = find(list, "Rollout", "web").at("/spec/strategy/canary/trafficRouting/istio");
    assertEquals("web-routes", istio.at("/virtualService/name").asString());
    assertEquals("main", istio.at("/virtualService/routes/0").asString());
    assertEquals("web-dr", istio.at("/destinationRule/name").asString());
  }

  @Test
  void aVirtualServiceRouteMixingTheServiceWithOtherHostsIsAnError() {
    String vs =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web-routes}
        spec:
          hosts: [web.example.com]
          http:
          - route:
            - destination: {host: web}
              weight: 90
            - destination: {host: legacy}
              weight: 10
        ---
        """;
    String message = error(Router.ISTIO, vs + SERVICE);
    assertTrue(message.contains("together with other destinations in http[0]"), message);
  }

  @Test
  void withoutARouterNothingChanges() {
    ResourceList list = render(Router.NONE, SERVICE);
    assertEquals(1, count(list, "Service"));
    assertTrue(
        find(list, "Rollout", "web").at("/spec/strategy/canary/trafficRouting").isMissingNode());
  }
}
