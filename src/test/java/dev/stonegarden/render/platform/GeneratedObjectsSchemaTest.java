package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.testing.UpstreamSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of object the platform steps generate or convert validates against the upstream
 * schemas, unknown fields being errors.
 */
class GeneratedObjectsSchemaTest {
  @TempDir Path dir;

  static UpstreamSchemas schemas() {
    return UpstreamSchemas.require();
  }

  ResourceList render(ServiceSpec.Environment env, PlatformSettings.DashboardMode mode)
      throws IOException {
    Files.createDirectories(dir.resolve("grafana"));
    Files.writeString(dir.resolve("grafana/web.json"), "{\"title\": \"web\"}");
    Files.createDirectories(dir.resolve("prometheus"));
    Files.writeString(
        dir.resolve("prometheus/web.yaml"),
        "groups:\n- name: g\n  rules:\n  - alert: Down\n    expr: up == 0\n    for: 5m\n");
    ServiceSpec service =
        Fixtures.service(
            Fixtures.sla(),
            List.of("kafka", "postgres"),
            new ServiceSpec.Monitoring(List.of("grafana/web.json"), List.of("prometheus/web.yaml")),
            env);
    PlatformSettings platform = Fixtures.platform(true, mode);
    platform =
        new PlatformSettings(
            platform.name(),
            platform.pipeline(),
            platform.labelDomain(),
            platform.clusters(),
            platform.argocd(),
            platform.prometheus(),
            platform.sli(),
            new PlatformSettings.Monitoring(List.of(env.name()), mode),
            platform.dependencies(),
            true,
            null,
            PlatformSettings.Canary.DEFAULTS,
            PlatformSettings.Kargo.DEFAULTS,
            PlatformSettings.TrafficRouting.NONE);
    ResourceList list =
        Fixtures.resources(
            """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: "25%"}}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: web:1
                ports: [{name: http, containerPort: 8080}]
                resources: {requests: {cpu: 100m, memory: 1}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 3
        """);
    Values values =
        new Values(
            new Values.Settings(
                "2", null, Fixtures.tree("{limits: {cpu: 1, memory: 512Mi}}"), Map.of("A", "b")),
            Map.of(),
            null,
            dev.stonegarden.render.yaml.SourceMap.empty(null));
    PlatformStage.apply(
        new PlatformContext(
            service,
            env,
            platform,
            values,
            null,
            null,
            Path.of("environments", env.name()),
            SourceFiles.within(dir)),
        list);
    return list;
  }

  @Test
  void everyGeneratedKindValidates() throws IOException {
    UpstreamSchemas schemas = schemas();
    ServiceSpec.Environment canary =
        Fixtures.canary(
            List.of(
                Fixtures.successRate("0.999"),
                Fixtures.latency("0.1"),
                new ServiceSpec.Custom("custom", "sum(x)", "result[0] < 1", null, 2)));
    List<Resource> all =
        new ArrayList<>(render(canary, PlatformSettings.DashboardMode.CONFIGMAP).asList());
    all.addAll(render(canary, PlatformSettings.DashboardMode.GRAFANA_OPERATOR).asList());
    TreeSet<String> kinds = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (Resource r : all) {
      kinds.add(r.kind());
      for (String p : schemas.validate(r.body())) {
        problems.add(Nodes.describe(r) + " " + p);
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        new TreeSet<>(
            List.of(
                "AnalysisTemplate",
                "ConfigMap",
                "GrafanaDashboard",
                "HorizontalPodAutoscaler",
                "Namespace",
                "NetworkPolicy",
                "PrometheusRule",
                "Rollout",
                "Service")),
        kinds);
  }

  static void assertContains(String expected, List<String> problems) {
    assertFalse(problems.isEmpty(), "expected a problem about " + expected);
    org.junit.jupiter.api.Assertions.assertTrue(
        problems.toString().contains(expected), problems.toString());
  }

  @Test
  void theValidatorRejectsUnknownFieldsAndWrongTypes() {
    UpstreamSchemas schemas = schemas();
    assertContains(
        "intervall",
        schemas.validate(
            Fixtures.tree(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: t}
        spec: {metrics: [{name: m, intervall: 1m, provider: {prometheus: {query: x}}}]}
        """)));
    assertContains(
        "labelz",
        schemas.validate(
            Fixtures.tree(
                """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, labelz: {}}
        """)));
    assertContains(
        "/spec/egress/0/ports/0/port",
        schemas.validate(
            Fixtures.tree(
                """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: n}
        spec: {podSelector: {}, egress: [{ports: [{port: {}}]}]}
        """)));
    assertEquals(
        List.of(),
        schemas.validate(
            Fixtures.tree(
                """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          selector: {}
          strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}}
          template: {spec: {containers: [{name: c, resources: {limits: {cpu: 1, memory: 0.5}}}]}}
        """)));
    assertEquals(
        List.of("no upstream schema for example.com/v1 Widget"),
        schemas.validate(Fixtures.tree("apiVersion: example.com/v1\nkind: Widget\n")));
  }
}
