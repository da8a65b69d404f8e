package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform side of strategy blueGreen (docs/blue-green.md) and of blocking analyses
 * (docs/canary.md#analysis-steps): the Rollout's strategy, the preview Service, the gate templates,
 * and each error with its position.
 */
class BlueGreenAndGatesTest {
  static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 2
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web, tier: front}}
          spec: {containers: [{name: web, image: "web:1"}]}
      """;

  /** {@link #WEB} and the Service named like it, selecting its pods. */
  static final String WEB_AND_SERVICE =
      WEB
          + """
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {selector: {app: web}, ports: [{port: 80}]}
          """;

  static ServiceSpec.Environment blueGreen(ServiceSpec.BlueGreen bg) {
    return new ServiceSpec.Environment(
        "canary",
        "homelab",
        "audiobookshelf-canary",
        false,
        new ServiceSpec.Rollout("blueGreen", List.of(), List.of(), bg),
        2);
  }

  static final ServiceSpec.BlueGreen PROMOTION =
      new ServiceSpec.BlueGreen(
          false,
          null,
          600,
          List.of(Fixtures.successRate("0.99")),
          List.of(Fixtures.latency("0.3")));

  /** CanaryRolloutTransformer, AnalysisTemplateGenerator and PreviewServiceGenerator in order. */
  static ResourceList run(ServiceSpec.Environment env, String overlay) {
    ServiceSpec service = Fixtures.service(env);
    ResourceList list = resources(overlay);
    new CanaryRolloutTransformer(service, env, null).transform(list);
    new Append(new AnalysisTemplateGenerator(service, env, Fixtures.platform())).transform(list);
    new PreviewServiceGenerator(service, env).transform(list);
    return list;
  }

  @Test
  void aDeploymentBecomesABlueGreenRolloutWithItsServiceActiveAndAPreview() {
    ResourceList list =
        run(
            blueGreen(PROMOTION),
            WEB
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, labels: {app: web}}
                spec:
                  type: LoadBalancer
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: 8080, nodePort: 31000}]
                """);
    assertResources(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: "web:1"}]}
          strategy:
            blueGreen:
              activeService: web
              previewService: web-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 600
              prePromotionAnalysis:
                templates: [{templateName: web-success-rate-pre-promotion}]
                args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
              postPromotionAnalysis:
                templates: [{templateName: web-latency-post-promotion}]
                args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, labels: {app: web}}
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: 8080, nodePort: 31000}]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: web-success-rate-pre-promotion, namespace: audiobookshelf-canary}
        spec:
          args: [{name: canary-hash}]
          metrics:
          - name: success-rate
            count: 5
            interval: 1m
            initialDelay: 2m
            failureLimit: 1
            inconclusiveLimit: 2
            consecutiveErrorLimit: 4
            successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.99
            failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.99
            provider:
              prometheus:
                address: http://prometheus-operated.monitoring.svc:9090
                query: 1 - (sum(rate(http_requests_total{namespace="audiobookshelf-canary",code=~"5..",rollouts_pod_template_hash="{{args.canary-hash}}"}[2m])) or vector(0)) / sum(rate(http_requests_total{namespace="audiobookshelf-canary",rollouts_pod_template_hash="{{args.canary-hash}}"}[2m]))
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: web-latency-post-promotion, namespace: audiobookshelf-canary}
        spec:
          args: [{name: canary-hash}]
          metrics:
          - name: latency
            count: 5
            interval: 1m
            initialDelay: 2m
            failureLimit: 1
            inconclusiveLimit: 2
            consecutiveErrorLimit: 4
            successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] <= 0.3
            failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] > 0.3
            provider:
              prometheus:
                address: http://prometheus-operated.monitoring.svc:9090
                query: histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{namespace="audiobookshelf-canary",rollouts_pod_template_hash="{{args.canary-hash}}"}[2m])) by (le))
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-preview, labels: {app: web}}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: 8080}]
        """,
        list);
  }

  @Test
  void unsetPromotionSettingsAreLeftToArgoRolloutsAndNoAnalysisMeansNoTemplates() {
    ResourceList list =
        run(
            blueGreen(new ServiceSpec.BlueGreen(null, 30, null, List.of(), List.of())),
            WEB_AND_SERVICE);
    assertEquals(
        List.of("Rollout/web", "Service/web", "Service/web-preview"),
        list.asList().stream().map(Nodes::describe).toList());
    assertEquals(
        Fixtures.tree(
            "{activeService: web, previewService: web-preview, autoPromotionSeconds: 30}"),
        list.get(0).body().at("/spec/strategy/blueGreen"));
  }

  @Test
  void ofSeveralMatchingServicesTheOneNamedLikeTheWorkloadIsActive() {
    ResourceList list =
        run(
            blueGreen(PROMOTION),
            WEB
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web-headless}
                spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: other}
                spec: {selector: {app: other}, ports: [{port: 80}]}
                """);
    assertEquals(
        "web", list.get(0).body().at("/spec/strategy/blueGreen/activeService").stringValue());
  }

  static List<String> errors(ServiceSpec.Environment env, String overlay) {
    return Fixtures.errors(() -> run(env, overlay)).stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aWorkloadWithoutAServiceIsAnError() {
    assertEquals(
        List.of(
            "environments/dev/deployment.yaml: error: Deployment/web becomes a blueGreen Rollout"
                + " (environment canary), which needs the workload's Service as its active"
                + " Service, but no Service of the overlay selects its pods: add a Service named"
                + " web whose selector matches the pod template's labels"
                + " (docs/blue-green.md#services)"),
        errors(
            blueGreen(PROMOTION),
            WEB
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web, tier: back}, ports: [{port: 80}]}
                """));
  }

  @Test
  void aRecreateDeploymentCannotBecomeABlueGreenRollout() {
    List<String> errors =
        errors(blueGreen(PROMOTION), WEB.replace("type: RollingUpdate,", "type: Recreate,"));
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(
        true,
        errors
            .get(0)
            .contains(
                "Deployment/web uses strategy Recreate, which cannot run old and new pods side by"
                    + " side as a blue-green rollout needs"),
        errors.get(0));
  }

  @Test
  void severalServicesNoneNamedLikeTheWorkloadIsAnError() {
    assertEquals(
        List.of(
            "environments/dev/deployment.yaml: error: Deployment/web becomes a blueGreen Rollout"
                + " (environment canary), which needs the workload's Service as its active"
                + " Service, but several Services select its pods (Service/front, Service/all)"
                + " and none is named web: add a Service named web whose selector matches the"
                + " pod template's labels (docs/blue-green.md#services)"),
        errors(
            blueGreen(PROMOTION),
            WEB
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: front}
                spec: {selector: {tier: front}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: all}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """));
  }

  @Test
  void anOverlayObjectWithThePreviewsNameIsAnError() {
    assertEquals(
        List.of(
            "environments/dev/deployment.yaml: error: Service/web-preview has the name of the"
                + " preview Service that the blueGreen Rollout/web needs (the workload's Service"
                + " web plus \"-preview\", docs/blue-green.md#services): rename or remove it; the"
                + " platform generates the preview Service"),
        errors(
            blueGreen(PROMOTION),
            WEB_AND_SERVICE
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web-preview}
                spec: {selector: {app: web}, ports: [{port: 8080}]}
                """));
  }

  @Test
  void anOverlayRolloutInABlueGreenEnvironmentMustBeBlueGreenAndIsKept() {
    String canaryRollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: api}
        spec:
          strategy: {canary: {steps: [{setWeight: 10}]}}
        """;
    assertEquals(
        List.of(
            "environments/dev/deployment.yaml: error: Rollout/api is not a blueGreen Rollout, but"
                + " service.yaml says strategy blueGreen for environment canary: give it"
                + " spec.strategy.blueGreen, or remove it from the overlay and let the platform"
                + " convert the Deployment (service.yaml is the source of truth)"),
        errors(blueGreen(PROMOTION), canaryRollout));
    String blueGreenRollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: api}
        spec:
          strategy: {blueGreen: {activeService: api, previewService: api-next}}
        """;
    ResourceList list = run(blueGreen(PROMOTION), blueGreenRollout);
    assertResources(blueGreenRollout, list);
  }

  @Test
  void analysisStepsNameTheirGateTemplatesWhichFinish() {
    ServiceSpec.Metric custom =
        new ServiceSpec.Custom("errors", "sum(rate(errors_total[2m]))", "result[0] < 1", null, 1);
    ServiceSpec.Environment env =
        Fixtures.canary(
            List.of(
                new ServiceSpec.SetWeight(20),
                new ServiceSpec.AnalysisStep(List.of("errors", "success-rate")),
                new ServiceSpec.SetWeight(60),
                new ServiceSpec.AnalysisStep(List.of("errors"))),
            List.of(Fixtures.successRate("0.99"), custom));
    ResourceList list = run(env, WEB);
    assertEquals(
        List.of(
            "Rollout/web",
            "AnalysisTemplate/web-success-rate",
            "AnalysisTemplate/web-errors",
            "AnalysisTemplate/web-success-rate-step",
            "AnalysisTemplate/web-errors-step"),
        list.asList().stream().map(Nodes::describe).toList());
    assertEquals(
        Fixtures.YAML.readTree(
            """
                - setWeight: 20
                - analysis:
                    templates: [{templateName: web-errors-step}, {templateName: web-success-rate-step}]
                    args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
                - setWeight: 60
                - analysis:
                    templates: [{templateName: web-errors-step}]
                    args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
                """),
        list.get(0).body().at("/spec/strategy/canary/steps"));
    // The gate template is the background metric with a count; the background one has none.
    assertEquals(5, list.get(4).body().at("/spec/metrics/0/count").intValue());
    assertEquals(true, list.get(2).body().at("/spec/metrics/0/count").isMissingNode());
    assertEquals(
        list.get(2).body().at("/spec/metrics/0/provider"),
        list.get(4).body().at("/spec/metrics/0/provider"));
    // The overlay check reads analysis steps as such.
    assertEquals(
        "setWeight 20, analysis, setWeight 60, analysis",
        CanaryRolloutTransformer.describe(env.rollout().steps()));
    assertEquals(
        "setWeight 20, analysis, setWeight 60, analysis",
        CanaryRolloutTransformer.describeJson(
            (tools.jackson.databind.node.ObjectNode)
                list.get(0).body().at("/spec/strategy/canary")));
  }

  @Test
  void twoMetricsThatWouldShareATemplateNameAreAnError() {
    ServiceSpec.Metric x =
        new ServiceSpec.Custom("x", "sum(rate(x_total[2m]))", "result[0] < 1", null, 0);
    ServiceSpec.Metric xStep =
        new ServiceSpec.Custom("x-step", "sum(rate(y_total[2m]))", "result[0] < 1", null, 1);
    ServiceSpec.Environment env =
        Fixtures.canary(
            List.of(new ServiceSpec.SetWeight(20), new ServiceSpec.AnalysisStep(List.of("x"))),
            List.of(x, xStep));
    // The background metric x-step comes first; the error is at the metric x. (The fixture's
    // source map knows metric 0 at line 35, and only the rollout, line 25, above metric 1.)
    assertEquals(
        List.of(
            "service.yaml:35:15: error: metric \"x\" needs the AnalysisTemplate web-x-step, which"
                + " the metric at line 25 already needs: rename one of the metrics"),
        errors(env, WEB));
  }

  @Test
  void promotionGatesLooserThanTheSloAreWarnedAboutByName() {
    ServiceSpec.Environment env = blueGreen(PROMOTION);
    ServiceSpec service = Fixtures.service(env);
    ResourceList list = run(env, WEB_AND_SERVICE);
    // The SLO of the fixture: 99.9 % and 0.1 s; the gates: 99 % before, 0.3 s after the switch.
    assertEquals(
        List.of(
            "the pre-promotion gate success-rate >= 99% is looser than the SLO availability 99.9%:"
                + " a new version at 1% errors burns the error budget 10x faster than sustainable and"
                + " still passes",
            "the post-promotion gate latency p99 <= 0.3s is looser than the SLO latency 0.1s: a"
                + " new version that breaks the SLO still passes"),
        new AnalysisTemplateGenerator(service, env, Fixtures.platform())
            .warnings(list).stream().map(Diagnostic::message).toList());
  }

  @Test
  void blueGreenAndCanaryPrintTheirStrategyForVerbose() {
    ServiceSpec.Environment env = blueGreen(PROMOTION);
    assertEquals(
        "canary rollout: blueGreen (Rollout CRD not checked: KUBE_API_VERSIONS unset)",
        new CanaryRolloutTransformer(Fixtures.service(env), env, null).toString());
    assertEquals(
        "analysis templates: pre-promotion: success-rate; post-promotion: latency",
        new AnalysisTemplateGenerator(Fixtures.service(env), env, Fixtures.platform()).toString());
    assertEquals(
        "preview services: <Service>-preview per blueGreen Rollout",
        new PreviewServiceGenerator(Fixtures.service(env), env).toString());
    assertEquals(
        "preview services: none (no blueGreen)",
        new PreviewServiceGenerator(Fixtures.service(Fixtures.canary()), Fixtures.canary())
            .toString());
  }
}
