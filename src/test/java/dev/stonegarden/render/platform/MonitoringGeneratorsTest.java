package dev.stonegarden.render.platform;

import static dev.stonegarden.render.platform.Fixtures.assertResources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DashboardGenerator and AlertFileGenerator over files in a temporary service directory. */
class MonitoringGeneratorsTest {
  @TempDir Path dir;

  ServiceSpec service(List<String> dashboards, List<String> alerts) {
    return Fixtures.service(
        Fixtures.sla(),
        List.of(),
        new ServiceSpec.Monitoring(dashboards, alerts),
        Fixtures.production());
  }

  void write(String relative, String text) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  ResourceList dashboards(List<String> files, PlatformSettings.DashboardMode mode) {
    ServiceSpec s = service(files, List.of());
    return new ResourceList(
        new DashboardGenerator(
                s, Fixtures.production(), Fixtures.platform(false, mode), SourceFiles.within(dir))
            .generate(new ResourceList()));
  }

  ResourceList alerts(List<String> files) {
    ServiceSpec s = service(List.of(), files);
    return new ResourceList(
        new AlertFileGenerator(
                s, Fixtures.production(), Fixtures.platform(), SourceFiles.within(dir))
            .generate(new ResourceList()));
  }

  @Test
  void aDashboardBecomesASidecarConfigMapWithTheTextUnchanged() throws IOException {
    write("grafana/audiobookshelf.json", "{\n  \"title\": \"A\"\n}\n");
    assertResources(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: audiobookshelf-dashboard-audiobookshelf
          namespace: audiobookshelf
          labels: {grafana_dashboard: "1"}
          annotations: {grafana_folder: product}
        data:
          audiobookshelf.json: "{\\n  \\"title\\": \\"A\\"\\n}\\n"
        """,
        dashboards(
            List.of("grafana/audiobookshelf.json"), PlatformSettings.DashboardMode.CONFIGMAP));
  }

  @Test
  void grafanaOperatorModeMakesAGrafanaDashboard() throws IOException {
    write("grafana/audiobookshelf.json", "{}");
    assertResources(
        """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDashboard
        metadata: {name: audiobookshelf-dashboard-audiobookshelf, namespace: audiobookshelf}
        spec:
          folder: product
          allowCrossNamespaceImport: true
          instanceSelector: {matchLabels: {dashboards: grafana}}
          json: "{}"
        """,
        dashboards(
            List.of("grafana/audiobookshelf.json"),
            PlatformSettings.DashboardMode.GRAFANA_OPERATOR));
    // platform.yaml monitoring.grafanaInstanceSelector picks the Grafana instances.
    PlatformSettings base =
        Fixtures.platform(false, PlatformSettings.DashboardMode.GRAFANA_OPERATOR);
    PlatformSettings custom =
        new PlatformSettings(
            base.name(),
            base.pipeline(),
            base.labelDomain(),
            base.clusters(),
            base.argocd(),
            base.prometheus(),
            base.sli(),
            new PlatformSettings.Monitoring(
                base.monitoring().environments(),
                PlatformSettings.DashboardMode.GRAFANA_OPERATOR,
                java.util.Map.of("team", "platform", "grafana", "main")),
            base.dependencies(),
            base.networkPolicy(),
            base.file(),
            PlatformSettings.Canary.DEFAULTS,
            PlatformSettings.Kargo.DEFAULTS,
            PlatformSettings.TrafficRouting.NONE);
    ServiceSpec s = service(List.of("grafana/audiobookshelf.json"), List.of());
    assertResources(
        """
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDashboard
        metadata: {name: audiobookshelf-dashboard-audiobookshelf, namespace: audiobookshelf}
        spec:
          folder: product
          allowCrossNamespaceImport: true
          instanceSelector: {matchLabels: {grafana: main, team: platform}}
          json: "{}"
        """,
        new ResourceList(
            new DashboardGenerator(s, Fixtures.production(), custom, SourceFiles.within(dir))
                .generate(new ResourceList())));
  }

  @Test
  void largeDashboardsAreServerSideAppliedAndTooLargeOnesFail() throws IOException {
    String big = "{\"x\": \"" + "a".repeat(300 * 1024) + "\"}";
    write("big.json", big);
    ResourceList out = dashboards(List.of("big.json"), PlatformSettings.DashboardMode.CONFIGMAP);
    assertEquals(
        "ServerSideApply=true",
        out.get(0).metadata().at("/annotations/argocd.argoproj.io~1sync-options").stringValue());
    write("huge.json", "{\"x\": \"" + "a".repeat(1024 * 1024) + "\"}");
    List<Diagnostic> errors =
        Fixtures.errors(
            () -> dashboards(List.of("huge.json"), PlatformSettings.DashboardMode.CONFIGMAP));
    assertEquals("service.yaml:50:9", errors.get(0).at().toString());
    assertTrue(
        errors
            .get(0)
            .message()
            .startsWith("dashboard huge.json has 1048585 bytes: expected at most 1 MiB"),
        errors.get(0).message());
  }

  @Test
  void everyBadDashboardIsReportedAtOnce() throws IOException {
    write("broken.json", "{\n  \"title\": \n}");
    write("list.json", "[]");
    write("a-very-long-dashboard-file-name-that-goes-on-and-on.json", "{}");
    Files.writeString(dir.getParent().resolve("outside.json"), "{}");
    List<Diagnostic> errors =
        Fixtures.errors(
            () ->
                dashboards(
                    List.of(
                        "broken.json",
                        "list.json",
                        "a-very-long-dashboard-file-name-that-goes-on-and-on.json",
                        "missing.json",
                        "../outside.json"),
                    PlatformSettings.DashboardMode.CONFIGMAP));
    assertEquals(5, errors.size(), errors.toString());
    assertEquals(dir.resolve("broken.json"), errors.get(0).at().file());
    assertEquals(3, errors.get(0).at().line());
    assertTrue(
        errors.get(0).message().startsWith("dashboard broken.json is not valid JSON: "),
        errors.get(0).message());
    assertEquals(
        "dashboard list.json is not a Grafana dashboard: expected a JSON object, found array",
        errors.get(1).message());
    assertEquals(
        "dashboard a-very-long-dashboard-file-name-that-goes-on-and-on.json would become"
            + " audiobookshelf-dashboard-a-very-long-dashboard-file-name-that-goes-on-and-on (76 characters): expected a name of"
            + " at most 63 lower-case letters, digits, '-' and '.'; rename the file",
        errors.get(2).message());
    assertEquals(
        "dashboard missing.json does not exist: expected a file relative to the service directory",
        errors.get(3).message());
    assertEquals(
        "dashboard ../outside.json is outside the repository: expected a path inside it, relative to the service directory",
        errors.get(4).message());
  }

  @Test
  void aDashboardThatIsNotUtf8IsAnError() throws IOException {
    Files.write(
        dir.resolve("latin1.json"),
        new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xE9, '"', '}'});
    List<Diagnostic> errors =
        Fixtures.errors(
            () -> dashboards(List.of("latin1.json"), PlatformSettings.DashboardMode.CONFIGMAP));
    assertEquals(
        "dashboard latin1.json is not UTF-8 text: expected UTF-8, found bytes that are not",
        errors.get(0).message());
  }

  @Test
  void noDashboardsOutsideMonitoredEnvironments() throws IOException {
    write("d.json", "{}");
    ServiceSpec s = service(List.of("d.json"), List.of("missing.yaml"));
    assertTrue(
        new DashboardGenerator(s, Fixtures.dev(), Fixtures.platform(), SourceFiles.within(dir))
            .generate(new ResourceList())
            .isEmpty());
    assertTrue(
        new AlertFileGenerator(s, Fixtures.dev(), Fixtures.platform(), SourceFiles.within(dir))
            .generate(new ResourceList())
            .isEmpty());
  }

  @Test
  void bareGroupsAreWrappedAndPrometheusRulesKept() throws IOException {
    write(
        "prometheus/audiobookshelf.yaml",
        """
        groups:
          - name: audiobookshelf.rules
            rules:
              - alert: AudiobookshelfDown
                expr: absent(up{job="audiobookshelf"} == 1)
                for: 5m
        """);
    write(
        "prometheus/extra.yaml",
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: extra, namespace: monitoring, labels: {team: product}}
        spec: {groups: []}
        """);
    assertResources(
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: audiobookshelf-audiobookshelf
          namespace: audiobookshelf
          labels: {release: kube-prometheus-stack}
        spec:
          groups:
            - name: audiobookshelf.rules
              rules:
                - alert: AudiobookshelfDown
                  expr: absent(up{job="audiobookshelf"} == 1)
                  for: 5m
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: extra, namespace: audiobookshelf, labels: {team: product, release: kube-prometheus-stack}}
        spec: {groups: []}
        """,
        alerts(List.of("prometheus/audiobookshelf.yaml", "prometheus/extra.yaml")));
  }

  @Test
  void anAlertFileOfAnotherKindIsAnError() throws IOException {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    List<Diagnostic> errors = Fixtures.errors(() -> alerts(List.of("cm.yaml")));
    assertEquals(
        "alert file cm.yaml: expected a monitoring.coreos.com/v1 PrometheusRule or a document with groups:, found kind"
            + " ConfigMap",
        errors.get(0).message());
  }

  @Test
  void anAlertFileQueryThatDoesNotParseIsAWarningAtItsPosition() throws IOException {
    write(
        "prometheus/bare.yaml",
        """
        groups:
          - name: shop.rules
            rules:
              - alert: Fine
                expr: rate(x[5m]) > 1
              - alert: Broken
                expr: sum(rate(x[5m]) > 1
        """);
    write(
        "prometheus/kept.yaml",
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: kept}
        spec:
          groups:
            - name: g
              rules:
                - record: newer
                  expr: "histogram_something_newer(x)"
        """);
    ResourceList rules = alerts(List.of("prometheus/bare.yaml", "prometheus/kept.yaml"));
    List<Diagnostic> found = new QueryCheck(service(List.of(), List.of())).check(rules);
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        "prometheus/bare.yaml:7:34: warning: PrometheusRule/audiobookshelf-bare: the query is not"
            + " valid PromQL: unexpected end of input in aggregation sum, expected \")\" (kept as"
            + " written: Prometheus may know more than this check)",
        dir.relativize(found.get(0).at().file())
            + ":"
            + found.get(0).at().line()
            + ":"
            + found.get(0).at().column()
            + ": "
            + found.get(0).severity().label()
            + ": "
            + found.get(0).message());
    assertEquals(
        "prometheus/kept.yaml:9:18: warning: PrometheusRule/kept: the query is not valid PromQL:"
            + " unknown function with name \"histogram_something_newer\" (kept as written: Prometheus"
            + " may know more than this check)",
        dir.relativize(found.get(1).at().file())
            + ":"
            + found.get(1).at().line()
            + ":"
            + found.get(1).at().column()
            + ": "
            + found.get(1).severity().label()
            + ": "
            + found.get(1).message());
  }
}
