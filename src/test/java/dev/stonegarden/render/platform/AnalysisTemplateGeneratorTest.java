package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTemplateGeneratorTest {
  static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n";

  /** The overlay's Deployment converted into a Rollout running service.yaml's analysis. */
  static ResourceList converted(ServiceSpec.Environment env) {
    ResourceList list = resources(DEPLOYMENT);
    new CanaryRolloutTransformer(Fixtures.service(env), env, null).transform(list);
    return list;
  }

  static ResourceList convertedAndGenerated(ServiceSpec.Environment env, ServiceSpec service) {
    ResourceList list = resources(DEPLOYMENT);
    new CanaryRolloutTransformer(service, env, null).transform(list);
    ResourceList out = new ResourceList();
    out.addAll(new AnalysisTemplateGenerator(service, env, Fixtures.platform()).generate(list));
    return out;
  }

  @Test
  void oneTemplatePerWorkloadAndMetricScopedToTheCanary() {
    ServiceSpec.Metric custom =
        new ServiceSpec.Custom(
            "checkout-errors",
            "sum(rate(checkout_errors_total{namespace=\"{{namespace}}\"}[2m]))",
            "result[0] < 1",
            "result[0] > 5",
            2);
    ServiceSpec.Environment env =
        Fixtures.canary(List.of(Fixtures.successRate("0.995"), Fixtures.latency("0.25"), custom));
    ResourceList out = convertedAndGenerated(env, Fixtures.service(env));
    assertResources(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: web-success-rate, namespace: audiobookshelf-canary}
        spec:
          args:
          - name: canary-hash
          metrics:
          - name: success-rate
            interval: 1m
            initialDelay: 2m
            failureLimit: 1
            inconclusiveLimit: 2
            consecutiveErrorLimit: 4
            successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.995
            failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.995
            provider:
              prometheus:
                address: http://prometheus-operated.monitoring.svc:9090
                query: 1 - (sum(rate(http_requests_total{namespace="audiobookshelf-canary",code=~"5..",rollouts_pod_template_hash="{{args.canary-hash}}"}[2m])) or vector(0)) / sum(rate(http_requests_total{namespace="audiobookshelf-canary",rollouts_pod_template_hash="{{args.canary-hash}}"}[2m]))
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: web-latency, namespace: audiobookshelf-canary}
        spec:
          args:
          - name: canary-hash
          metrics:
          - name: latency
            interval: 1m
            initialDelay: 2m
            failureLimit: 1
            inconclusiveLimit: 2
            consecutiveErrorLimit: 4
            successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] <= 0.25
            failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] > 0.25
            provider:
              prometheus:
                address: http://prometheus-operated.monitoring.svc:9090
                query: histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{namespace="audiobookshelf-canary",rollouts_pod_template_hash="{{args.canary-hash}}"}[2m])) by (le))
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: web-checkout-errors, namespace: audiobookshelf-canary}
        spec:
          args:
          - name: canary-hash
          metrics:
          - name: checkout-errors
            interval: 1m
            initialDelay: 2m
            failureLimit: 1
            inconclusiveLimit: 2
            consecutiveErrorLimit: 4
            successCondition: result[0] < 1
            failureCondition: result[0] > 5
            provider:
              prometheus:
                address: http://prometheus-operated.monitoring.svc:9090
                query: sum(rate(checkout_errors_total{namespace="audiobookshelf-canary"}[2m]))
        """,
        out);
    assertEquals("service.yaml:35:15", out.get(0).origin().toString());
  }

  @Test
  void thresholdsArePrintedExactly() {
    // 95 % is 0.95 exactly even when the reader computed it with a longer scale.
    ServiceSpec.Environment env =
        Fixtures.canary(
            List.of(new ServiceSpec.SuccessRate("success-rate", new BigDecimal("0.9500000"), 0)));
    ResourceList out = convertedAndGenerated(env, Fixtures.service(env));
    assertEquals(
        "len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95",
        out.get(0).body().at("/spec/metrics/0/successCondition").stringValue());
    assertEquals(
        "len(result) > 0 && !isNaN(result[0]) && result[0] < 0.95",
        out.get(0).body().at("/spec/metrics/0/failureCondition").stringValue());
  }

  @Test
  void noTemplatesForAnOverlayRollout() {
    ServiceSpec.Environment env = Fixtures.canary();
    ResourceList list =
        resources("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\n");
    assertTrue(
        new AnalysisTemplateGenerator(Fixtures.service(env), env, Fixtures.platform())
            .generate(list)
            .isEmpty());
    assertTrue(
        new AnalysisTemplateGenerator(
                Fixtures.service(Fixtures.dev()), Fixtures.dev(), Fixtures.platform())
            .generate(resources(DEPLOYMENT))
            .isEmpty());
  }

  @Test
  void aGateLooserThanTheSloIsAWarning() {
    ServiceSpec.Environment env = Fixtures.canary();
    List<Diagnostic> warnings =
        new AnalysisTemplateGenerator(Fixtures.service(env), env, Fixtures.platform())
            .warnings(converted(env));
    assertEquals(1, warnings.size());
    assertEquals("service.yaml:36:26", warnings.get(0).at().toString());
    assertEquals(
        "the canary gate success-rate >= 95% is looser than the SLO availability 99.9%: a canary at 5% errors burns"
            + " the error budget 50x faster than sustainable and still passes",
        warnings.get(0).message());
    ServiceSpec.Environment strict =
        Fixtures.canary(List.of(Fixtures.successRate("0.999"), Fixtures.latency("0.1")));
    assertEquals(
        List.of(),
        new AnalysisTemplateGenerator(Fixtures.service(strict), strict, Fixtures.platform())
            .warnings(converted(strict)));
    ServiceSpec.Environment slow = Fixtures.canary(List.of(Fixtures.latency("0.25")));
    assertEquals(
        1,
        new AnalysisTemplateGenerator(Fixtures.service(slow), slow, Fixtures.platform())
            .warnings(converted(slow))
            .size());
  }

  @Test
  void aCanaryThatNeverRunsWithTrafficIsAWarningNamingTheFix() {
    List<ServiceSpec.Metric> metrics = List.of(Fixtures.successRate("0.999"));
    ServiceSpec.Environment lastStep =
        Fixtures.canary(
            List.of(
                new ServiceSpec.SetWeight(0),
                new ServiceSpec.Pause("1m"),
                new ServiceSpec.SetWeight(100)),
            metrics);
    List<Diagnostic> warnings =
        new AnalysisTemplateGenerator(Fixtures.service(lastStep), lastStep, Fixtures.platform())
            .warnings(converted(lastStep));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings
            .get(0)
            .message()
            .startsWith(
                "the first setWeight above 0 (setWeight 100) is the last step of environment"
                    + " canary"),
        warnings.get(0).message());
    assertTrue(warnings.get(0).message().contains("add a pause after it"));
    ServiceSpec.Environment none = Fixtures.canary(List.of(new ServiceSpec.Pause(null)), metrics);
    List<Diagnostic> noWeight =
        new AnalysisTemplateGenerator(Fixtures.service(none), none, Fixtures.platform())
            .warnings(converted(none));
    assertEquals(1, noWeight.size(), noWeight.toString());
    assertTrue(noWeight.get(0).message().contains("no setWeight above 0"));
    // The fixture's steps (setWeight 10, pause, ...) measure the canary: no warning.
    ServiceSpec.Environment fine = Fixtures.canary(metrics);
    assertEquals(
        List.of(),
        new AnalysisTemplateGenerator(Fixtures.service(fine), fine, Fixtures.platform())
            .warnings(converted(fine)));
  }
}
