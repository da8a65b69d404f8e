package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.ResourceList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentNamespaceTransformerTest {
  static final SourcePosition NS_AT = new SourcePosition(Path.of("service.yaml"), 14, 18);

  @Test
  void namespacedObjectsMoveClusterScopedStayAndTheNamespaceIsEmitted() {
    ResourceList list =
        resources(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: audiobookshelf-dev}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
        ---
        apiVersion: example.com/v1
        kind: ClusterWidget
        metadata: {name: w}
        """);
    new EnvironmentNamespaceTransformer("audiobookshelf-dev", null, NS_AT).transform(list);
    assertResources(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: audiobookshelf-dev}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: audiobookshelf-dev}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
        ---
        apiVersion: example.com/v1
        kind: ClusterWidget
        metadata: {name: w, namespace: audiobookshelf-dev}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: audiobookshelf-dev}
        """,
        list);
    assertEquals(NS_AT, list.get(4).origin());
  }

  @Test
  void bindingSubjectsNamingAServiceAccountOfTheOutputGetTheNamespace() {
    ResourceList list =
        resources(
            """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: app-reader}
        subjects:
        - {kind: ServiceAccount, name: app}
        - {kind: ServiceAccount, name: other}
        - {kind: ServiceAccount, name: app, namespace: monitoring}
        - {kind: User, name: app}
        """);
    new EnvironmentNamespaceTransformer("audiobookshelf-dev", null, NS_AT).transform(list);
    assertResources(
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: audiobookshelf-dev}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: app-reader}
        subjects:
        - {kind: ServiceAccount, name: app, namespace: audiobookshelf-dev}
        - {kind: ServiceAccount, name: other}
        - {kind: ServiceAccount, name: app, namespace: monitoring}
        - {kind: User, name: app}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: audiobookshelf-dev}
        """,
        list);
  }

  @Test
  void theOverlaysNamespaceObjectIsKeptNotDuplicated() {
    ResourceList list =
        resources(
            """
        apiVersion: v1
        kind: Namespace
        metadata: {name: audiobookshelf-dev, labels: {team: product}}
        """);
    new EnvironmentNamespaceTransformer("audiobookshelf-dev", null, NS_AT).transform(list);
    assertResources(
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: audiobookshelf-dev, labels: {team: product}}
        """,
        list);
  }

  @Test
  void anObjectPlacedInAnotherNamespaceIsAnErrorNamingItsFile() {
    ResourceList list =
        resources(
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: s, namespace: kube-system}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ok}
        """);
    List<Diagnostic> errors =
        Fixtures.errors(
            () ->
                new EnvironmentNamespaceTransformer("audiobookshelf-dev", null, NS_AT)
                    .transform(list));
    assertEquals(1, errors.size());
    assertEquals(Fixtures.OVERLAY_FILE, errors.get(0).at().file());
    assertEquals(
        "Secret/s is placed in namespace kube-system by the overlay, but the environment's namespace is"
            + " audiobookshelf-dev (service.yaml): remove the namespace from this file or the overlay",
        errors.get(0).message());
  }

  @Test
  void aDifferentArgoCdApplicationNamespaceIsAnError() {
    ResourceList list =
        resources(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: ok}
        """);
    List<Diagnostic> errors =
        Fixtures.errors(
            () ->
                new EnvironmentNamespaceTransformer("audiobookshelf-dev", "default", NS_AT)
                    .transform(list));
    assertEquals(1, errors.size());
    assertEquals(NS_AT, errors.get(0).at());
    assertEquals(
        "Argo CD deploys this application to namespace default (ARGOCD_APP_NAMESPACE), but service.yaml says"
            + " audiobookshelf-dev: set the Application's destination namespace to audiobookshelf-dev",
        errors.get(0).message());
    new EnvironmentNamespaceTransformer("audiobookshelf-dev", "audiobookshelf-dev", NS_AT)
        .transform(resources("kind: Service\nmetadata: {name: x}"));
  }
}
