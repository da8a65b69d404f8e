package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.service.PlatformSettings.Router;
import dev.stonegarden.render.service.ServiceSpec.SetHeaderRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The router-dependent keys of service.yaml (docs/traffic-routing.md): each new field binds, and
 * each error is reported at its line and column, naming the routers that would do.
 */
class RoutingRulesTest {
  private static final Path FILE = Path.of("service.yaml");

  /**
   * A service.yaml whose one environment's rollout block is {@code strategy: canary} (line 12),
   * then {@code rollout}.
   */
  private static String service(String rollout) {
    return RolloutRulesTest.service("strategy: canary\n" + rollout);
  }

  private static ServiceSpec read(String rollout) {
    return ServiceReader.readText(
        FILE, service(rollout), PlatformReader.defaults(), new Problems());
  }

  /** Every error as {@code line:column: message}. */
  private static List<String> errors(String rollout) {
    InputException e = assertThrows(InputException.class, () -> read(rollout));
    List<String> out = new ArrayList<>();
    for (Diagnostic d : e.diagnostics()) {
      if (d.isError()) {
        out.add(d.at().line() + ":" + d.at().column() + ": " + d.message());
      }
    }
    return out;
  }

  private static ServiceSpec.Rollout rollout(String rollout) {
    return read(rollout).environments().get(0).rollout();
  }

  // ---- each new field binds ----

  @Test
  void setCanaryScaleInItsThreeForms() {
    ServiceSpec.Rollout r =
        rollout(
            """
            trafficRouting: {router: nginx}
            steps:
              - setCanaryScale: {weight: 10}
              - setCanaryScale: {replicas: 2}
              - setCanaryScale: {matchTrafficWeight: true}
            """);
    assertEquals(
        List.of(
            new ServiceSpec.SetCanaryScale(10, null, false),
            new ServiceSpec.SetCanaryScale(null, 2, false),
            new ServiceSpec.SetCanaryScale(null, null, true)),
        r.steps());
    assertEquals(Router.NGINX, r.routing().trafficRouting().router());
  }

  @Test
  void headerAndMirrorRoutesBecomeManagedRoutesInStepOrder() {
    ServiceSpec.Rollout r =
        rollout(
            """
            trafficRouting: {router: istio, istio: {hosts: [shop.example.com]}}
            steps:
              - setMirrorRoute:
                  name: mirror
                  percentage: 20
                  match: [{method: {exact: GET}, headers: {X-A: {prefix: b}}}]
              - setHeaderRoute:
                  name: testers
                  match: [{headerName: X-Canary, headerValue: {regex: "y.*"}}]
              - setWeight: 10
              - setHeaderRoute:
                  name: mirror2
                  match: [{headerName: X-B, headerValue: {exact: "1"}}]
            """);
    assertEquals(List.of("mirror", "testers", "mirror2"), r.managedRoutes());
    ServiceSpec.SetMirrorRoute m = (ServiceSpec.SetMirrorRoute) r.steps().get(0);
    assertEquals(20, m.percentage());
    assertEquals(new ServiceSpec.StringMatch("exact", "GET"), m.match().get(0).method());
    assertEquals(new ServiceSpec.StringMatch("prefix", "b"), m.match().get(0).headers().get("X-A"));
    assertEquals(
        new ServiceSpec.HeaderMatch("X-Canary", new ServiceSpec.StringMatch("regex", "y.*")),
        ((SetHeaderRoute) r.steps().get(1)).match().get(0));
    assertEquals(List.of("shop.example.com"), r.routing().trafficRouting().istio().hosts());
  }

  @Test
  void routerFieldsBind() {
    ServiceSpec.CanaryRouting c =
        rollout(
                """
                trafficRouting:
                  router: gatewayAPI
                  gatewayAPI: {parentRefs: [{name: gw, namespace: gateway}], hostnames: [a.example]}
                steps: [{setWeight: 10}]
                antiAffinity: {preferred: {weight: 40}}
                scaleDownDelaySeconds: 45
                abortScaleDownDelaySeconds: 0
                """)
            .routing();
    assertEquals("preferred", c.antiAffinity());
    assertEquals(40, c.antiAffinityWeight());
    assertEquals(45, c.scaleDownDelaySeconds());
    assertEquals(0, c.abortScaleDownDelaySeconds());
    assertEquals(
        List.of(new PlatformSettings.ParentRef("gw", "gateway", null)),
        c.trafficRouting().gatewayAPI().parentRefs());
    ServiceSpec.CanaryRouting d =
        rollout(
                """
                trafficRouting: {router: nginx}
                steps: [{setWeight: 10}]
                antiAffinity: {required: {}}
                dynamicStableScale: true
                """)
            .routing();
    assertEquals("required", d.antiAffinity());
    assertTrue(d.dynamicStableScale());
  }

  @Test
  void maxSurgeAndMaxUnavailableWithoutARouterAsWritten() {
    ServiceSpec.CanaryRouting c =
        rollout(
                """
                steps: [{setWeight: 10}]
                maxSurge: 25%
                maxUnavailable: 0
                """)
            .routing();
    assertEquals("25%", c.maxSurge());
    assertEquals("0", c.maxUnavailable());
    assertEquals(null, c.trafficRouting());
  }

  @Test
  void platformYamlTrafficRoutingBinds() {
    PlatformSettings p =
        PlatformReader.read(
            YamlFiles.parseSingle(
                Path.of("platform.yaml"),
                "platform.yaml",
                """
                apiVersion: platform.stonegarden.dev/v1alpha1
                kind: Platform
                spec:
                  trafficRouting:
                    router: istio
                    gatewayAPI:
                      parentRefs: [{name: public, namespace: gateway, sectionName: https}]
                    nginx: {host: shop.example.com}
                    istio: {gateways: [istio-ingress/public]}
                """));
    PlatformSettings.TrafficRouting t = p.trafficRouting();
    assertEquals(Router.ISTIO, t.router());
    assertEquals(
        List.of(new PlatformSettings.ParentRef("public", "gateway", "https")),
        t.gatewayAPI().parentRefs());
    assertEquals(null, t.gatewayAPI().hostnames());
    assertEquals(new PlatformSettings.Nginx(null, "shop.example.com"), t.nginx());
    assertEquals(List.of("istio-ingress/public"), t.istio().gateways());
    assertEquals(null, t.istio().hosts());
    assertEquals(PlatformSettings.TrafficRouting.NONE, PlatformReader.defaults().trafficRouting());
  }

  @Test
  void theRouterOfPlatformYamlDecidesWhenTheEnvironmentSaysNothing() {
    PlatformSettings nginx =
        PlatformReader.read(
            YamlFiles.parseSingle(
                Path.of("platform.yaml"),
                "platform.yaml",
                "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\n"
                    + "spec: {trafficRouting: {router: nginx}}\n"));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                ServiceReader.readText(
                    FILE,
                    service(
                        """
                        steps:
                          - setHeaderRoute: {name: t, match: [{headerName: X, headerValue: {exact: "1"}}]}
                        """),
                    nginx,
                    new Problems()));
    assertTrue(
        e.diagnostics()
            .get(0)
            .message()
            .startsWith(
                "setHeaderRoute is not supported by router nginx (platform.yaml"
                    + " spec.trafficRouting.router)"),
        e.diagnostics().get(0).message());
  }

  @Test
  void theEnvironmentsRouterOverridesPlatformsAndKeepsItsOtherSettings() {
    PlatformSettings.TrafficRouting platform =
        new PlatformSettings.TrafficRouting(
            Router.GATEWAY_API,
            new PlatformSettings.GatewayApi(
                List.of(new PlatformSettings.ParentRef("gw", null, null)), List.of()),
            new PlatformSettings.Nginx("nginx-internal", null),
            null);
    PlatformSettings.TrafficRouting env =
        new PlatformSettings.TrafficRouting(
            Router.NGINX, null, new PlatformSettings.Nginx(null, "shop.example.com"), null);
    PlatformSettings.TrafficRouting merged = env.over(platform);
    assertEquals(Router.NGINX, merged.router());
    // Each setting left out comes from platform.yaml.
    assertEquals(new PlatformSettings.Nginx("nginx-internal", "shop.example.com"), merged.nginx());
    assertEquals(platform.gatewayAPI(), merged.gatewayAPI());
  }

  @Test
  void settingsOfAnotherRouterAreAWarning() {
    Problems warnings = new Problems();
    ServiceReader.readText(
        FILE,
        service(
            """
            trafficRouting:
              router: nginx
              istio: {hosts: [a.example]}
            steps: [{setWeight: 10}]
            """),
        PlatformReader.defaults(),
        warnings);
    assertEquals(
        List.of(
            "15:11: the istio settings are ignored: this environment's router is nginx; remove"
                + " them, or set router: istio"),
        warnings.all().stream()
            .map(d -> d.at().line() + ":" + d.at().column() + ": " + d.message())
            .toList());
  }

  // ---- each error, positioned ----

  static Stream<Arguments> errorCases() {
    return Stream.of(
        Arguments.of(
            "a router-only step without a router",
            """
            steps:
              - setCanaryScale: {replicas: 1}
            """,
            "14:13: setCanaryScale needs a traffic router, and this environment has none (the"
                + " default router is none): setCanaryScale works with gatewayAPI, nginx, istio;"
                + " set rollout.trafficRouting.router (or platform.yaml"
                + " spec.trafficRouting.router) to one of them, or remove the step"),
        Arguments.of(
            "a header route without a header match",
            """
            trafficRouting: {router: istio}
            steps:
              - setHeaderRoute: {name: testers}
            """,
            "15:13: missing required key \"match\" in spec.environments[0].rollout.steps[0].setHeaderRoute"),
        Arguments.of(
            "nginx and setHeaderRoute",
            """
            trafficRouting: {router: nginx}
            steps:
              - setHeaderRoute:
                  name: testers
                  match: [{headerName: X-Canary, headerValue: {exact: "yes"}}]
            """,
            "15:13: setHeaderRoute is not supported by router nginx"
                + " (rollout.trafficRouting.router): setHeaderRoute works with gatewayAPI, istio;"
                + " set rollout.trafficRouting.router (or platform.yaml"
                + " spec.trafficRouting.router) to one of them, or remove the step"),
        Arguments.of(
            "gatewayAPI and setMirrorRoute (the plugin's SetMirrorRoute does nothing)",
            """
            trafficRouting: {router: gatewayAPI}
            steps:
              - setMirrorRoute: {name: m, match: [{method: {exact: GET}}]}
            """,
            "15:13: setMirrorRoute is not supported by router gatewayAPI"
                + " (rollout.trafficRouting.router): setMirrorRoute works with router istio only;"
                + " set rollout.trafficRouting.router (or platform.yaml"
                + " spec.trafficRouting.router) to one of them, or remove the step"),
        Arguments.of(
            "scaleDownDelaySeconds with dynamicStableScale",
            """
            trafficRouting: {router: nginx}
            steps: [{setWeight: 10}]
            scaleDownDelaySeconds: 30
            dynamicStableScale: true
            """,
            "16:9: dynamicStableScale cannot be used with scaleDownDelaySeconds (line 15): Argo"
                + " Rollouts refuses both; remove one"),
        Arguments.of(
            "scaleDownDelaySeconds without a router",
            """
            steps: [{setWeight: 10}]
            scaleDownDelaySeconds: 30
            """,
            "14:9: scaleDownDelaySeconds needs a traffic router, and this environment has none"
                + " (the default router is none): Argo Rollouts uses it only with traffic routing"
                + " (gatewayAPI, nginx, istio); set rollout.trafficRouting.router, or remove"
                + " scaleDownDelaySeconds"),
        Arguments.of(
            "maxSurge and maxUnavailable both 0",
            """
            steps: [{setWeight: 10}]
            maxSurge: 0%
            maxUnavailable: 0
            """,
            "15:25: maxSurge and maxUnavailable cannot both be 0: no step could replace a pod"
                + " (Argo Rollouts refuses it); make one of them at least 1"),
        Arguments.of(
            "maxSurge with a router",
            """
            trafficRouting: {router: istio}
            steps: [{setWeight: 10}]
            maxSurge: 1
            """,
            "15:9: maxSurge only shapes a canary without a router (pods stand for weights), and"
                + " this environment has router istio (rollout.trafficRouting.router): remove"
                + " maxSurge, or use setCanaryScale to size the canary"),
        Arguments.of(
            "antiAffinity weight above 100",
            """
            trafficRouting: {router: istio}
            steps: [{setWeight: 10}]
            antiAffinity: {preferred: {weight: 101}}
            """,
            "15:44: spec.environments[0].rollout.antiAffinity.preferred.weight must be at most 100, found 101"),
        Arguments.of(
            "antiAffinity weight 0",
            """
            trafficRouting: {router: istio}
            steps: [{setWeight: 10}]
            antiAffinity: {preferred: {weight: 0}}
            """,
            "15:44: spec.environments[0].rollout.antiAffinity.preferred.weight must be at least 1, found 0"),
        Arguments.of(
            "a route name used by a header and a mirror route",
            """
            trafficRouting: {router: istio}
            steps:
              - setHeaderRoute: {name: r, match: [{headerName: X, headerValue: {exact: "1"}}]}
              - setMirrorRoute: {name: r, match: [{method: {exact: GET}}]}
            """,
            "16:36: route \"r\" is a setHeaderRoute earlier in the steps: a managed route is"
                + " either a header route or a mirror route, give this one another name"),
        Arguments.of(
            "the canary Service in a query without a router",
            """
            steps: [{setWeight: 10}]
            analysis:
              metrics:
                - name: gateway-errors
                  query: sum(rate(x{service="{{args.canary-service}}"}[1m]))
                  successCondition: result[0] < 1
            """,
            "17:22: {{args.canary-service}} names the canary Service, which exists only with a"
                + " traffic router, and this environment has none (the default router is none):"
                + " select the canary by {{args.canary-hash}}, or set a router"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void errorAtItsPosition(String name, String rollout, String expected) {
    List<String> got = errors(rollout);
    assertTrue(
        got.stream().anyMatch(e -> e.startsWith(expected)),
        () -> name + ": expected\n  " + expected + "\ngot\n  " + String.join("\n  ", got));
  }
}
