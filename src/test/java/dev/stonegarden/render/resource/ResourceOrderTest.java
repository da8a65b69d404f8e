package dev.stonegarden.render.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kustomize's legacy order (docs/kustomize.md#output-order, cases 025 and 026). */
class ResourceOrderTest {

  private static ResId id(String apiVersion, String kind, String name, String ns) {
    return new ResId(Gvk.of(apiVersion, kind), name, ns);
  }

  @Test
  void ranksThenGroupThenNamespaceWithEmptyLastThenName() {
    List<ResId> ids =
        new ArrayList<>(
            List.of(
                id("v1", "Service", "b", ""),
                id("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "w", ""),
                id("networking.k8s.io/v1", "Ingress", "i", "a"),
                id("v1", "Pod", "p", "a"),
                id("argoproj.io/v1alpha1", "Rollout", "r", "a"),
                id("v1", "Service", "a", "z"),
                id("v1", "Service", "Z", ""),
                id("example.com/v1", "Namespace", "x", ""),
                id("v1", "Namespace", "n", ""),
                id("apps/v1", "Deployment", "d", "a")));
    ResourceOrder order =
        new ResourceOrder(ResourceOrder.DEFAULT_ORDER_FIRST, ResourceOrder.DEFAULT_ORDER_LAST);
    ids.sort(order::compareIds);
    assertEquals(
        List.of(
            "Namespace.v1.[noGrp]/n.[noNs]",
            "Namespace.v1.example.com/x.[noNs]",
            "Service.v1.[noGrp]/a.z",
            "Service.v1.[noGrp]/Z.[noNs]",
            "Service.v1.[noGrp]/b.[noNs]",
            "Deployment.v1.apps/d.a",
            "Rollout.v1alpha1.argoproj.io/r.a",
            "Ingress.v1.networking.k8s.io/i.a",
            "Pod.v1.[noGrp]/p.a",
            "ValidatingWebhookConfiguration.v1.admissionregistration.k8s.io/w.[noNs]"),
        ids.stream().map(ResId::toString).toList());
  }

  @Test
  void clusterScopeFollowsTheCompiledSchema() {
    assertEquals(
        true, Scope.isClusterScoped(Gvk.of("rbac.authorization.k8s.io/v1", "ClusterRole")));
    assertEquals(false, Scope.isClusterScoped(Gvk.of("example.com/v1", "ClusterWidget")));
    assertEquals(false, Scope.isClusterScoped(Gvk.of("example.com/v1", "Namespace")));
    assertEquals(true, Scope.isClusterScoped(Gvk.of("v1", "Namespace")));
  }
}
