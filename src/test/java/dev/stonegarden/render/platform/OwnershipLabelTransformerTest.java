package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipLabelTransformerTest {
  static final OwnershipLabelTransformer STEP =
      new OwnershipLabelTransformer(
          "platform.stonegarden.dev", "audiobookshelf", "product", "dev", "#audiobookshelf", null);

  @Test
  void labelsEveryObjectAndPodTemplateButNeverSelectors() {
    ResourceList list =
        resources(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app.kubernetes.io/managed-by: kustomize}}
        spec:
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: job}
        spec:
          jobTemplate: {spec: {template: {spec: {}}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}}
        """);
    STEP.transform(list);
    assertResources(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/managed-by: kustomize
            platform.stonegarden.dev/service: audiobookshelf
            platform.stonegarden.dev/team: product
            platform.stonegarden.dev/environment: dev
          annotations: {platform.stonegarden.dev/owner-slack: "#audiobookshelf"}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels:
                app: web
                app.kubernetes.io/managed-by: platform-render
                platform.stonegarden.dev/service: audiobookshelf
                platform.stonegarden.dev/team: product
                platform.stonegarden.dev/environment: dev
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: job
          labels:
            app.kubernetes.io/managed-by: platform-render
            platform.stonegarden.dev/service: audiobookshelf
            platform.stonegarden.dev/team: product
            platform.stonegarden.dev/environment: dev
          annotations: {platform.stonegarden.dev/owner-slack: "#audiobookshelf"}
        spec:
          jobTemplate:
            spec:
              template:
                metadata:
                  labels:
                    app.kubernetes.io/managed-by: platform-render
                    platform.stonegarden.dev/service: audiobookshelf
                    platform.stonegarden.dev/team: product
                    platform.stonegarden.dev/environment: dev
                spec: {}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels:
            app.kubernetes.io/managed-by: platform-render
            platform.stonegarden.dev/service: audiobookshelf
            platform.stonegarden.dev/team: product
            platform.stonegarden.dev/environment: dev
          annotations: {platform.stonegarden.dev/owner-slack: "#audiobookshelf"}
        spec: {selector: {app: web}}
        """,
        list);
  }

  @Test
  void thePlatformsLabelsWinAndInstanceOrPartOfAreNeverSet() {
    ResourceList list =
        resources(
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, labels: {platform.stonegarden.dev/team: someone-else}}
        """);
    new OwnershipLabelTransformer("example.org", "s", "t", "e", null, "t@example.org")
        .transform(list);
    assertResources(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          labels:
            platform.stonegarden.dev/team: someone-else
            example.org/service: s
            example.org/team: t
            example.org/environment: e
            app.kubernetes.io/managed-by: platform-render
          annotations: {example.org/owner-email: t@example.org}
        """,
        list);
  }

  @Test
  void aSelectorUsingAPlatformLabelWithAnotherValueIsAnError() {
    ResourceList list =
        resources(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {platform.stonegarden.dev/environment: staging}}
          template: {metadata: {labels: {platform.stonegarden.dev/environment: staging}}}
        """);
    List<Diagnostic> errors = Fixtures.errors(() -> STEP.transform(list));
    assertEquals(1, errors.size());
    assertEquals(
        "Deployment/web selects pods with platform.stonegarden.dev/environment: staging, but the platform labels its"
            + " pods platform.stonegarden.dev/environment: dev: remove the label from the selector (selectors are immutable;"
            + " the platform sets this label)",
        errors.get(0).message());
  }
}
