package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformStageTest {
  static final String OVERLAY =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {selector: {app: web}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: "web:1"}]}
      """;

  static final String STATEFUL_SET =
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec: {template: {metadata: {labels: {app: db}}}}
      """;

  static PlatformContext context(ServiceSpec.Environment env) {
    return new PlatformContext(
        Fixtures.service(env),
        env,
        Fixtures.platform(),
        Values.none(),
        null,
        null,
        Path.of("environments", env.name()),
        null);
  }

  @Test
  void theCanaryEnvironmentEndToEnd() {
    ResourceList list = resources(OVERLAY);
    List<Diagnostic> warnings = PlatformStage.apply(context(Fixtures.canary()), list);
    assertEquals(
        List.of(
            "Service/web",
            "Rollout/web",
            "Namespace/audiobookshelf-canary",
            "AnalysisTemplate/web-success-rate"),
        list.asList().stream().map(Nodes::describe).toList());
    for (Resource r : list) {
      assertEquals(
          "audiobookshelf-canary",
          r.kind().equals("Namespace") ? r.name() : r.namespace(),
          r.toString());
      assertEquals(
          "canary",
          r.metadata().get("labels").get("platform.stonegarden.dev/environment").stringValue(),
          r.toString());
    }
    // the gate (95 %) is looser than the SLO (99.9 %); 1 replica runs setWeight 10 as 50/50
    assertEquals(2, warnings.size(), warnings.toString());
  }

  @Test
  void aRolloutBlockWithoutADeploymentIsAWarning() {
    ResourceList list = resources(STATEFUL_SET);
    ServiceSpec.Environment env = Fixtures.canary(List.of(Fixtures.successRate("0.999")));
    List<Diagnostic> warnings = PlatformStage.apply(context(env), list);
    assertEquals(
        List.of(
            "service.yaml:25:9: warning: environment canary has a rollout block, but the overlay renders no Deployment"
                + " (or Rollout) to roll out: expected at least one Deployment; nothing rolls out progressively"),
        warnings.stream().map(Diagnostic::toString).toList());
  }

  @Test
  void theStepsWarningsComeBeforeTheChecks() {
    // The analysis generator's warning (the only setWeight is the last step) is a step's own;
    // the unused rollout block is the first check's: reported in that order.
    ResourceList list = resources(STATEFUL_SET);
    ServiceSpec.Environment env =
        Fixtures.canary(
            List.of(new ServiceSpec.SetWeight(10)), List.of(Fixtures.successRate("0.999")));
    List<String> messages =
        PlatformStage.apply(context(env), list).stream().map(Diagnostic::message).toList();
    assertEquals(2, messages.size(), messages.toString());
    org.junit.jupiter.api.Assertions.assertTrue(
        messages.get(0).startsWith("the first setWeight above 0 (setWeight 10) is the last step"),
        messages.get(0));
    org.junit.jupiter.api.Assertions.assertTrue(
        messages.get(1).startsWith("environment canary has a rollout block, but the overlay"),
        messages.get(1));
  }

  @Test
  void checksAreOneListInTheReportedOrder() {
    assertEquals(
        List.of("RolloutChecks", "QueryCheck", "CanaryWeights", "WorkloadChecks", "PlatformChecks"),
        PlatformStage.checks(context(Fixtures.canary()), 1).stream()
            .map(c -> c.getClass().getSimpleName())
            .toList());
  }

  @Test
  void stepsAreOneListInTheDocumentedOrder() {
    List<String> names =
        PlatformStage.steps(context(Fixtures.canary())).stream()
            .map(PlatformStageTest::name)
            .toList();
    assertEquals("ValuesTransformer", names.get(0));
    // Ownership labels and the sync annotations run after every generator.
    assertEquals("OwnershipLabelTransformer", names.get(names.size() - 2));
    assertEquals("SyncSafetyTransformer", names.get(names.size() - 1));
    // The router, then the dark launches' routes, complete the converted Rollouts before their
    // templates are generated.
    assertEquals(
        names.indexOf("CanaryRolloutTransformer") + 1, names.indexOf("TrafficRouterGenerator"));
    assertEquals(names.indexOf("TrafficRouterGenerator") + 1, names.indexOf("DarkLaunchRoutes"));
    assertEquals(names.indexOf("DarkLaunchRoutes") + 1, names.indexOf("AnalysisTemplateGenerator"));
  }

  @Test
  void stepsPrintTheirConfigurationForVerboseWithoutIdentityHashesOrPaths() {
    List<String> printed =
        PlatformStage.steps(context(Fixtures.canary())).stream().map(Object::toString).toList();
    for (String p : printed) {
      // Readable settings: no identity hashes, no absolute paths, no record dumps (Name[key=...]).
      org.junit.jupiter.api.Assertions.assertFalse(
          p.matches(".*@[0-9a-f]{5,}.*")
              || p.contains("/work/")
              || p.contains("SourceMap")
              || p.matches("^[A-Za-z]+\\[.*"),
          p);
    }
    assertEquals(
        "canary rollout: setWeight 10, pause 10m, setWeight 50, pause 10m, setWeight 100"
            + " (Rollout CRD not checked: KUBE_API_VERSIONS unset)",
        printed.get(2));
    assertEquals("traffic router: none (weights are pod counts)", printed.get(3));
    assertEquals("", printed.get(4)); // no dark launch: --verbose leaves the step out
    assertEquals("analysis templates: success-rate", printed.get(5));
  }

  @Test
  void sliTemplatesSubstituteNamespaceServiceAndEnvironment() {
    var sli =
        new SliQueries(
            new dev.stonegarden.render.service.PlatformSettings.Sli(
                "r{ns=\"{{namespace}}\",svc=\"{{service}}\"}",
                "e{env=\"{{environment}}\",svc=\"{{service}}\"}",
                "b{{{service}}}"),
            "ns1",
            "svc1",
            "prod");
    assertEquals(
        "sum(rate(e{env=\"prod\",svc=\"svc1\"}[2m])) / sum(rate(r{ns=\"ns1\",svc=\"svc1\"}[2m]))",
        sli.errorRatio("2m"));
    assertEquals(
        "1 - (sum(rate(e{env=\"prod\",svc=\"svc1\"}[2m])) or vector(0))"
            + " / sum(rate(r{ns=\"ns1\",svc=\"svc1\"}[2m]))",
        sli.analysisSuccessRatio("2m"));
    assertEquals("histogram_quantile(0.99, sum(rate(b{svc1}[5m])) by (le))", sli.latencyP99("5m"));
  }

  static String name(Transformer t) {
    return t instanceof Append a
        ? a.generator().getClass().getSimpleName()
        : t.getClass().getSimpleName();
  }

  @Test
  void zeroObjectsFromTheOverlayIsAnErrorEvenWithThePlatformsNamespace() {
    List<Diagnostic> errors =
        Fixtures.errors(() -> PlatformStage.apply(context(Fixtures.dev()), new ResourceList()));
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(Path.of("environments/dev/kustomization.yaml"), errors.get(0).at().file());
    assertEquals(
        "the overlay renders no objects: Argo CD would prune everything this application deployed; expected at"
            + " least one resource in the kustomization",
        errors.get(0).message());
  }

  @Test
  void problemsOfSeveralStepsAreReportedTogether() {
    ResourceList list =
        resources(
            OVERLAY
                + """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: elsewhere}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: old}
        spec: {strategy: {type: Recreate}, template: {metadata: {labels: {app: web}}}}
        """);
    PlatformContext ctx =
        new PlatformContext(
            Fixtures.service(Fixtures.canary()),
            Fixtures.canary(),
            Fixtures.platform(),
            Values.none(),
            "wrong",
            "v1",
            Path.of("environments/canary"),
            null);
    List<Diagnostic> all = Fixtures.errors(() -> PlatformStage.apply(ctx, list));
    assertEquals(
        6,
        all.size(),
        all.toString()); // namespace x2 (ARGOCD_APP_NAMESPACE, ConfigMap), CRDs, Recreate, gate
    // warning, the 1-replica split warning
  }
}
