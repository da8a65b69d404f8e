package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static dev.stonegarden.render.platform.Fixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.testing.UpstreamSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature flags per environment (docs/feature-flags.md): the FeatureFlag and FeatureFlagSource of
 * an environment, the dark-launch targeting, and the flagd annotations on workloads.
 */
class FeatureFlagGeneratorTest {
  @TempDir Path dir;

  static final String SERVICE =
      """
      apiVersion: platform.stonegarden.dev/v1alpha1
      kind: Service
      metadata: {name: shop}
      spec:
        owner: {team: product}
        environments:
          - {name: dev, namespace: shop-dev}
          - name: canary
            namespace: shop-canary
            rollout: {strategy: canary, steps: [{setWeight: 50}, {pause: {}}]}
          - {name: production, namespace: shop}
        featureFlags:
          - name: new-checkout
            variants: {on: true, off: false}
            defaultVariant: off
            environments:
              dev: {state: DISABLED, defaultVariant: on}
              canary: {}
            darkLaunch: {header: X-Dark-Launch, variant: on}
          - name: theme
            variants: {classic: "#333", spring: "#2e7d32"}
            defaultVariant: classic
            targeting: {if: [{in: ["@stonegarden.dev", {var: email}]}, spring, null]}
            environments:
              canary: {}
            darkLaunch: {header: x-theme, value: spring, variant: spring}
      """;

  ServiceSpec service(String text) throws IOException {
    Path f = dir.resolve("service.yaml");
    Files.writeString(f, text);
    return ServiceReader.read(f, PlatformReader.defaults());
  }

  static ServiceSpec.Environment env(ServiceSpec s, String name) {
    return s.environment(name).orElseThrow();
  }

  /** What the generator adds for environment {@code name} of {@code s} to an empty build. */
  private static ResourceList generated(ServiceSpec s, String name) {
    ResourceList list = new ResourceList();
    new FeatureFlagGenerator(s, env(s, name), null).generate(new ResourceList()).forEach(list::add);
    return list;
  }

  @Test
  void aDarkLaunchIsTheHeaderTestInFrontOfTheFlagsOwnTargeting() throws IOException {
    ServiceSpec s = service(SERVICE);
    ResourceList list = generated(s, "canary");
    assertResources(
        """
        apiVersion: core.openfeature.dev/v1beta1
        kind: FeatureFlag
        metadata: {name: shop-flags, namespace: shop-canary}
        spec:
          flagSpec:
            flags:
              new-checkout:
                state: ENABLED
                variants: {"on": true, "off": false}
                defaultVariant: "off"
                targeting:
                  if:
                    - {"==": [{var: x-dark-launch}, "true"]}
                    - "on"
                    - null
              theme:
                state: ENABLED
                variants: {classic: "#333", spring: "#2e7d32"}
                defaultVariant: classic
                targeting:
                  if:
                    - {"==": [{var: x-theme}, spring]}
                    - spring
                    - if: [{in: ["@stonegarden.dev", {var: email}]}, spring, null]
        ---
        apiVersion: core.openfeature.dev/v1beta1
        kind: FeatureFlagSource
        metadata: {name: shop-flags, namespace: shop-canary}
        spec:
          sources: [{source: shop-flags, provider: kubernetes}]
          headerToContextMappings: {X-Dark-Launch: x-dark-launch, x-theme: x-theme}
        """,
        list);
  }

  @Test
  void anEnvironmentHasOnlyTheFlagsListedForItWithItsStateAndDefault() throws IOException {
    ServiceSpec s = service(SERVICE);
    ResourceList list = generated(s, "dev");
    assertResources(
        """
        apiVersion: core.openfeature.dev/v1beta1
        kind: FeatureFlag
        metadata: {name: shop-flags, namespace: shop-dev}
        spec:
          flagSpec:
            flags:
              new-checkout:
                state: DISABLED
                variants: {"on": true, "off": false}
                defaultVariant: "on"
                targeting:
                  if:
                    - {"==": [{var: x-dark-launch}, "true"]}
                    - "on"
                    - null
        ---
        apiVersion: core.openfeature.dev/v1beta1
        kind: FeatureFlagSource
        metadata: {name: shop-flags, namespace: shop-dev}
        spec:
          sources: [{source: shop-flags, provider: kubernetes}]
          headerToContextMappings: {X-Dark-Launch: x-dark-launch}
        """,
        list);
  }

  @Test
  void aFlagWithoutTargetingOrDarkLaunchHasNoTargetingAndTheSourceNoHeaders() throws IOException {
    ServiceSpec s =
        service(
            SERVICE.substring(0, SERVICE.indexOf("  featureFlags:"))
                + """
                  featureFlags:
                    - name: limit
                      variants: {low: 10, high: 100.5}
                      defaultVariant: low
                """);
    ResourceList list = generated(s, "production");
    assertResources(
        """
        apiVersion: core.openfeature.dev/v1beta1
        kind: FeatureFlag
        metadata: {name: shop-flags, namespace: shop}
        spec:
          flagSpec:
            flags:
              limit: {state: ENABLED, variants: {low: 10, high: 100.5}, defaultVariant: low}
        ---
        apiVersion: core.openfeature.dev/v1beta1
        kind: FeatureFlagSource
        metadata: {name: shop-flags, namespace: shop}
        spec:
          sources: [{source: shop-flags, provider: kubernetes}]
        """,
        list);
  }

  static final String WORKLOADS =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec: {template: {metadata: {labels: {app: web}}}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        template:
          metadata:
            annotations: {openfeature.dev/featureflagsource: "team-defaults, other/extra"}
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        template:
          metadata:
            annotations: {openfeature.dev/featureflagsource: shop-flags}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: api}
      spec: {workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate}
      spec: {template: {}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      """;

  @Test
  void everyWorkloadTemplateIsAnnotatedForTheSidecarAndOtherSourcesAreKept() throws IOException {
    ServiceSpec s = service(SERVICE);
    ResourceList list = resources(WORKLOADS);
    new FlagdInjectionTransformer(s, env(s, "canary")).transform(list);
    assertResources(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata:
              labels: {app: web}
              annotations:
                openfeature.dev/enabled: "true"
                openfeature.dev/featureflagsource: shop-flags
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          template:
            metadata:
              annotations:
                openfeature.dev/enabled: "true"
                openfeature.dev/featureflagsource: "team-defaults, other/extra, shop-flags"
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            metadata:
              annotations:
                openfeature.dev/enabled: "true"
                openfeature.dev/featureflagsource: shop-flags
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: api}
        spec: {workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec: {template: {}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        """,
        list);
  }

  @Test
  void anEnvironmentWithoutFlagsRendersNothingAndAnnotatesNothing() throws IOException {
    ServiceSpec s = service(SERVICE);
    ResourceList list = resources(WORKLOADS);
    String before = list.asList().stream().map(r -> r.body().toString()).toList().toString();
    new Append(new FeatureFlagGenerator(s, env(s, "production"), null)).transform(list);
    new FlagdInjectionTransformer(s, env(s, "production")).transform(list);
    assertEquals(before, list.asList().stream().map(r -> r.body().toString()).toList().toString());
    assertEquals(
        "feature flags: none in environment production",
        new FeatureFlagGenerator(s, env(s, "production"), null).toString());
    assertEquals(
        "flagd injection: off (no flag in environment production)",
        new FlagdInjectionTransformer(s, env(s, "production")).toString());
  }

  @Test
  void aServiceWithoutFlagsSaysNothingInTheTrace() throws IOException {
    ServiceSpec s = service(SERVICE.substring(0, SERVICE.indexOf("  featureFlags:")));
    assertEquals("", new FeatureFlagGenerator(s, env(s, "canary"), null).toString());
    assertEquals("", new FlagdInjectionTransformer(s, env(s, "canary")).toString());
    List<String> traced = new ArrayList<>();
    PlatformStage.apply(
        new PlatformContext(
            s,
            env(s, "dev"),
            PlatformReader.defaults(),
            null,
            null,
            null,
            Path.of("environments/dev"),
            null),
        resources(WORKLOADS),
        traced::add);
    assertTrue(traced.stream().noneMatch(String::isEmpty), traced.toString());
    assertTrue(traced.stream().noneMatch(t -> t.contains("flag")), traced.toString());
  }

  @Test
  void anOverlayObjectOfTheSameNameIsAnError() throws IOException {
    ServiceSpec s = service(SERVICE);
    ResourceList list =
        resources(
            """
            apiVersion: core.openfeature.dev/v1beta1
            kind: FeatureFlagSource
            metadata: {name: shop-flags}
            spec: {sources: [{source: x}]}
            """);
    List<Diagnostic> errors =
        Fixtures.errors(() -> new FeatureFlagGenerator(s, env(s, "canary"), null).generate(list));
    assertEquals(
        List.of(
            "environments/dev/deployment.yaml: error: FeatureFlagSource/shop-flags is also"
                + " generated from service.yaml spec.featureFlags"
                + " (docs/feature-flags.md#what-is-rendered): remove it from the overlay of"
                + " environment canary, or give it another name"),
        errors.stream().map(Diagnostic::toString).toList());
  }

  @Test
  void aClusterWithoutTheOperatorsKindsIsAnErrorWhenArgoCdSaysWhatItServes() throws IOException {
    ServiceSpec s = service(SERVICE);
    List<Diagnostic> errors =
        Fixtures.errors(
            () ->
                new FeatureFlagGenerator(
                        s,
                        env(s, "canary"),
                        "apps/v1,apps/v1/Deployment,v1,core.openfeature.dev/v1beta1/FeatureFlag")
                    .generate(new ResourceList()));
    assertEquals(
        List.of(
            "service.yaml:12:3: error: the OpenFeature Operator CRDs are missing on the destination"
                + " cluster: KUBE_API_VERSIONS lacks core.openfeature.dev/v1beta1/FeatureFlagSource;"
                + " install the OpenFeature Operator there (docs/feature-flags.md#what-to-install),"
                + " or render no flag in environment canary"),
        errors.stream().map(d -> d.toString().replace(dir.toString() + "/", "")).toList());
    // Both kinds served, or no KUBE_API_VERSIONS (outside Argo CD): rendered.
    assertEquals(
        2,
        new FeatureFlagGenerator(
                s,
                env(s, "canary"),
                "v1,core.openfeature.dev/v1beta1/FeatureFlag,"
                    + "core.openfeature.dev/v1beta1/FeatureFlagSource")
            .generate(new ResourceList())
            .size());
    // An environment without flags needs no operator.
    assertEquals(
        List.of(),
        new FeatureFlagGenerator(s, env(s, "production"), "v1").generate(new ResourceList()));
  }

  @Test
  void theWholeStageValidatesUpstreamAndOrdersTheFlagsBeforeTheWorkloads() throws IOException {
    ServiceSpec s = service(SERVICE);
    ResourceList list =
        resources(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: "web:1"}]}
            """);
    List<String> traced = new ArrayList<>();
    PlatformStage.apply(
        new PlatformContext(
            s,
            env(s, "canary"),
            PlatformReader.defaults(),
            null,
            null,
            null,
            Path.of("environments/canary"),
            null),
        list,
        traced::add);
    UpstreamSchemas schemas = UpstreamSchemas.require();
    List<String> problems = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (Resource r : list) {
      kinds.add(r.kind());
      schemas.validate(r.body()).forEach(p -> problems.add(Nodes.describe(r) + " " + p));
      if (r.kind().startsWith("FeatureFlag")) {
        assertEquals(
            "-1", r.metadata().at("/annotations/argocd.argoproj.io~1sync-wave").stringValue());
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(
        kinds.containsAll(List.of("Rollout", "FeatureFlag", "FeatureFlagSource")),
        kinds.toString());
    Resource rollout =
        list.asList().stream().filter(r -> r.kind().equals("Rollout")).findFirst().get();
    assertEquals(
        "shop-flags",
        rollout
            .body()
            .at("/spec/template/metadata/annotations/openfeature.dev~1featureflagsource")
            .stringValue());
    assertTrue(
        traced.contains(
            "feature flags: FeatureFlag and FeatureFlagSource shop-flags with new-checkout ENABLED"
                + " (dark launch on header X-Dark-Launch), theme ENABLED (dark launch on header"
                + " x-theme)"),
        traced.toString());
  }
}
