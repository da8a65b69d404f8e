package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.testing.Positions;
import dev.stonegarden.render.yaml.SourceMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryRolloutTransformerTest {
  static final ServiceSpec.Environment CANARY =
      Fixtures.canary(List.of(Fixtures.successRate("0.95"), Fixtures.latency("0.25")));

  static CanaryRolloutTransformer step(ServiceSpec.Environment env, String apiVersions) {
    return new CanaryRolloutTransformer(Fixtures.service(Fixtures.dev(), env), env, apiVersions);
  }

  @Test
  void aDeploymentBecomesARolloutInPlaceAndItsHpaFollowsAndOwnsTheReplicas() {
    ResourceList list =
        resources(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          revisionHistoryLimit: 3
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: other}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}
        """);
    Resource before = list.get(1);
    step(CANARY, "v1,apps/v1,argoproj.io/v1alpha1,argoproj.io/v1alpha1/Rollout").transform(list);
    assertResources(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web, labels: {app: web}}
        spec:
          revisionHistoryLimit: 3
          strategy:
            canary:
              maxSurge: 1
              maxUnavailable: 0
              steps:
              - setWeight: 10
              - pause: {duration: 10m}
              - setWeight: 50
              - pause: {duration: 10m}
              - setWeight: 100
              analysis:
                templates:
                - templateName: web-success-rate
                - templateName: web-latency
                args:
                - name: canary-hash
                  valueFrom: {podTemplateHashValue: Latest}
                startingStep: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: other}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}
        """,
        list);
    Resource after = list.get(1);
    assertEquals(before.origin(), after.origin());
    assertEquals(
        "Deployment", after.previousIds().get(after.previousIds().size() - 1).gvk().kind());
  }

  @Test
  void environmentsWithoutRolloutKeepTheirDeployments() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {strategy: {type: Recreate}}
        """;
    ResourceList list = resources(yaml);
    step(Fixtures.dev(), null).transform(list);
    assertResources(yaml, list);
  }

  @Test
  void pauseWithoutDurationAndSecondsAndNoMetrics() {
    ServiceSpec.Environment env =
        new ServiceSpec.Environment(
            "canary",
            null,
            "ns",
            false,
            new ServiceSpec.Rollout(
                "canary",
                List.of(
                    new ServiceSpec.Pause(null),
                    new ServiceSpec.SetWeight(20),
                    new ServiceSpec.Pause("30")),
                List.of()),
            2);
    ResourceList list = resources("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    step(env, null).transform(list);
    assertResources(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          strategy:
            canary:
              steps:
              - pause: {}
              - setWeight: 20
              - pause: {duration: 30}
        """,
        list);
  }

  @Test
  void recreateIsAnErrorAtTheStrategyInItsFile() {
    SourceMap map = new Positions().value("/spec/strategy/type", 8, 11).in(Fixtures.OVERLAY_FILE);
    ResourceList list = new ResourceList();
    list.add(
        new Resource(
            Fixtures.tree(
                """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {strategy: {type: Recreate}}
        """),
            dev.stonegarden.render.diag.SourcePosition.of(Fixtures.OVERLAY_FILE),
            map));
    List<Diagnostic> errors = Fixtures.errors(() -> step(CANARY, null).transform(list));
    assertEquals(1, errors.size());
    assertEquals("environments/dev/deployment.yaml:8:11", errors.get(0).at().toString());
    assertEquals(
        "Deployment/web uses strategy Recreate, which cannot run old and new pods side by side as a canary needs:"
            + " set spec.strategy.type to RollingUpdate (here or with a patch in environments/canary), or remove rollout from"
            + " environment canary in service.yaml",
        errors.get(0).message());
    assertEquals("Deployment", list.get(0).kind());
  }

  @Test
  void anOverlayRolloutIsKeptWhenItsStepsEqualServiceYaml() {
    String rollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          strategy:
            canary:
              steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 50}, {pause: {duration: 10m}}, {setWeight: 100}]
              analysis: {templates: [{templateName: mine}]}
        """;
    ResourceList list = resources(rollout);
    step(CANARY, null).transform(list);
    assertResources(rollout, list);
  }

  @Test
  void aDeploymentAnOverlayRolloutReferencesStaysADeploymentAndItsHpaFollowsTheRollout() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web-rollout}
        spec:
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          strategy:
            canary:
              steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 50}, {pause: {duration: 10m}}, {setWeight: 100}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {replicas: 0}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        """;
    ResourceList list = resources(yaml);
    step(CANARY, null).transform(list);
    assertResources(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web-rollout}
        spec:
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          strategy:
            canary:
              steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 50}, {pause: {duration: 10m}}, {setWeight: 100}]
              analysis:
                templates:
                - templateName: web-rollout-success-rate
                - templateName: web-rollout-latency
                args:
                - name: canary-hash
                  valueFrom: {podTemplateHashValue: Latest}
                startingStep: 1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {replicas: 0}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web-rollout}
        """,
        list);
  }

  @Test
  void anOverlayRolloutWithItsOwnAnalysisKeepsIt() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          strategy:
            canary:
              steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 50}, {pause: {duration: 10m}}, {setWeight: 100}]
              analysis:
                templates: [{templateName: mine}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        """;
    ResourceList list = resources(yaml);
    step(CANARY, null).transform(list);
    assertResources(yaml, list);
  }

  @Test
  void aFullRolloutNamedLikeTheConvertedDeploymentExplainsTheConversionAndBothFixes() {
    ResourceList list =
        resources(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: web}
            spec:
              template: {metadata: {labels: {app: web}}}
              strategy:
                canary:
                  steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 50}, {pause: {duration: 10m}}, {setWeight: 100}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            """);
    List<Diagnostic> errors = Fixtures.errors(() -> step(CANARY, null).transform(list));
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(
        "Rollout/web has the name of Deployment/web, which the platform converts into a Rollout of"
            + " that name because environment canary has a rollout block in service.yaml"
            + " (docs/canary.md): either remove this Rollout from the overlay and let the converted"
            + " one carry service.yaml's steps and analysis, or keep it and have it take the"
            + " Deployment's pods with spec.workloadRef {apiVersion: apps/v1, kind: Deployment,"
            + " name: web} instead of a template of its own",
        errors.get(0).message());
  }

  @Test
  void anOverlayRolloutWithOtherStepsIsAnError() {
    ResourceList list =
        resources(
            """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          strategy:
            canary:
              steps: [{setWeight: 20}, {pause: {}}]
        """);
    List<Diagnostic> errors = Fixtures.errors(() -> step(CANARY, null).transform(list));
    assertEquals(1, errors.size());
    assertEquals(
        "Rollout/web has canary steps [setWeight 20, pause], but service.yaml says [setWeight 10, pause 10m,"
            + " setWeight 50, pause 10m, setWeight 100] for environment canary: make them equal (service.yaml is the source of"
            + " truth)",
        errors.get(0).message());
  }

  @Test
  void missingRolloutCrdsOnTheDestinationAreAnErrorAtTheRolloutBlock() {
    ResourceList list = resources("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    List<Diagnostic> errors =
        Fixtures.errors(() -> step(CANARY, "v1,apps/v1,apps/v1/Deployment").transform(list));
    assertEquals(1, errors.size());
    assertEquals("service.yaml:25:9", errors.get(0).at().toString());
    assertTrue(
        errors
            .get(0)
            .message()
            .startsWith("the Argo Rollouts CRDs are missing on the destination cluster"),
        errors.get(0).message());
  }

  @Test
  void theRolloutKindMustBeListedNotItsGroupAloneAndAnUnknownListChecksNothing() {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n";
    List<Diagnostic> errors =
        Fixtures.errors(
            () ->
                step(CANARY, "v1,apps/v1,apps/v1/Deployment,argoproj.io/v1alpha1")
                    .transform(resources(deployment)));
    assertEquals(1, errors.size(), "the group alone is not the Rollout kind");
    assertTrue(
        errors.get(0).message().contains("KUBE_API_VERSIONS lacks argoproj.io/v1alpha1/Rollout;"),
        errors.get(0).message());
    for (String apis :
        new String[] {"v1, apps/v1/Deployment, argoproj.io/v1alpha1/Rollout", null, ""}) {
      ResourceList list = resources(deployment);
      step(CANARY, apis).transform(list); // served, or no cluster to ask (a local run)
      assertEquals("Rollout", list.get(0).kind(), String.valueOf(apis));
    }
  }

  @Test
  void startingStepIsTheStepAfterTheFirstPositiveWeight() {
    assertEquals(1, CanaryRolloutTransformer.startingStep(Fixtures.STEPS));
    assertEquals(
        2,
        CanaryRolloutTransformer.startingStep(
            List.of(
                new ServiceSpec.SetWeight(0),
                new ServiceSpec.SetWeight(5),
                new ServiceSpec.Pause(null))));
    assertEquals(
        0,
        CanaryRolloutTransformer.startingStep(
            List.of(new ServiceSpec.Pause(null), new ServiceSpec.SetWeight(100))));
  }
}
