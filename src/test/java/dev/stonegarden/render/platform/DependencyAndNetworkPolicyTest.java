package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import org.junit.jupiter.api.Test;

class DependencyAndNetworkPolicyTest {

  @Test
  void dependenciesAreAnnotatedOnWorkloads() {
    ResourceList list =
        resources(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {template: {}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        """);
    new DependencyTransformer(Fixtures.service(Fixtures.dev()), Fixtures.platform())
        .transform(list);
    assertResources(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, annotations: {platform.stonegarden.dev/dependencies: "kafka,postgres"}}
        spec: {template: {}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        """,
        list);
  }

  @Test
  void egressPolicyAllowsDnsOwnNamespaceAndEachDependency() {
    ServiceSpec s = Fixtures.service(Fixtures.dev());
    PlatformSettings on = Fixtures.platform(true, PlatformSettings.DashboardMode.CONFIGMAP);
    ResourceList out =
        new ResourceList(
            new NetworkPolicyGenerator(s, Fixtures.dev(), on).generate(new ResourceList()));
    assertResources(
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: audiobookshelf-egress, namespace: audiobookshelf-dev}
        spec:
          podSelector: {matchLabels: {platform.stonegarden.dev/service: audiobookshelf}}
          policyTypes: [Egress]
          egress:
          - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
          - to: [{podSelector: {}}]
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kafka}}}]
            ports: [{protocol: TCP, port: 9092}, {protocol: TCP, port: 9093}]
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: postgres}}}]
            ports: [{protocol: TCP, port: 5432}]
        """,
        out);
    assertTrue(
        new NetworkPolicyGenerator(s, Fixtures.dev(), Fixtures.platform())
            .generate(new ResourceList())
            .isEmpty());
  }
}
