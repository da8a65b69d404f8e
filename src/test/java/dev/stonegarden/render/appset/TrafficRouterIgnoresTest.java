package dev.stonegarden.render.appset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TrafficRouterIgnoresTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<IgnoreDifference> ignored(String trafficRouting) {
    String rollout =
        "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Rollout\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"strategy\":{\"canary\":{\"canaryService\":\"web-canary\",\"stableService\":\"web\","
            + "\"trafficRouting\":"
            + trafficRouting
            + "}}}}";
    Resource r = new Resource((ObjectNode) JSON.readTree(rollout), SourcePosition.none(), null);
    return new TrafficRouterIgnores()
        .ignoreDifferences(new RenderedEnvironment(null, null, null, "p", List.of(r)));
  }

  @Test
  void gatewayApiPluginWeightsManagedRulesAndInProgressLabel() {
    assertEquals(
        List.of(
            new IgnoreDifference(
                "gateway.networking.k8s.io",
                "HTTPRoute",
                "web",
                List.of("/metadata/labels/rollouts.argoproj.io~1gatewayapi-canary"),
                List.of(
                    ".spec.rules[].backendRefs[].weight",
                    ".spec.rules[] | select(.name == \"testers\")"))),
        ignored(
            "{\"managedRoutes\":[{\"name\":\"testers\"}],\"plugins\":{\"argoproj-labs/gatewayAPI\":"
                + "{\"httpRoutes\":[{\"name\":\"web\",\"useHeaderRoutes\":true}]}}}"));
    // The single-route form names the route the same way.
    assertEquals(
        List.of(".spec.rules[].backendRefs[].weight"),
        ignored("{\"plugins\":{\"argoproj-labs/gatewayAPI\":{\"httpRoute\":\"shop\"}}}")
            .get(0)
            .jqPathExpressions());
  }

  @Test
  void istioRouteWeightsManagedRoutesAndSubsetHashes() {
    List<IgnoreDifference> got =
        ignored(
            "{\"managedRoutes\":[{\"name\":\"mirror\"}],\"istio\":{\"virtualService\":{\"name\":\"web\","
                + "\"routes\":[\"primary\"]},\"destinationRule\":{\"name\":\"web-dr\","
                + "\"canarySubsetName\":\"canary\",\"stableSubsetName\":\"stable\"}}}");
    assertEquals(
        List.of(
            new IgnoreDifference(
                "networking.istio.io",
                "VirtualService",
                "web",
                List.of(),
                List.of(
                    ".spec.http[].route[].weight", ".spec.http[] | select(.name == \"mirror\")")),
            new IgnoreDifference(
                "networking.istio.io",
                "DestinationRule",
                "web-dr",
                List.of("/metadata/annotations/argo-rollouts.argoproj.io~1managed-by-rollouts"),
                List.of(".spec.subsets[].labels[\"rollouts-pod-template-hash\"]"))),
        got);
  }

  @Test
  void nginxNeedsNothingTheCanaryIngressIsNotTrackedByArgoCd() {
    assertTrue(ignored("{\"nginx\":{\"stableIngress\":\"web\"}}").isEmpty());
  }

  @Test
  void rolloutsWithoutARouterNeedNothing() {
    assertEquals(
        List.of(),
        new TrafficRouterIgnores()
            .ignoreDifferences(
                new RenderedEnvironment(
                    null,
                    null,
                    null,
                    "p",
                    List.of(
                        new Resource(
                            (ObjectNode)
                                JSON.readTree(
                                    "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Rollout\","
                                        + "\"metadata\":{\"name\":\"web\"},\"spec\":{\"strategy\":"
                                        + "{\"canary\":{\"steps\":[{\"setWeight\":10}]}}}}"),
                            SourcePosition.none(),
                            null)))));
  }

  @Test
  void everyApplicationGoesThroughIt() {
    assertTrue(
        ApplicationExtensions.all().stream().anyMatch(e -> e instanceof TrafficRouterIgnores));
  }
}
