package dev.stonegarden.render.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import dev.stonegarden.render.testing.Positions;
import dev.stonegarden.render.yaml.SourceMap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Test inputs for the platform steps: the seed's audiobookshelf service, platform.yaml defaults,
 * and resources read from YAML text (with Jackson's YAML reader, until our own reader is on main).
 */
final class Fixtures {
  static final YAMLMapper YAML = YAMLMapper.builder().build();
  static final Path SERVICE_FILE = Path.of("service.yaml");
  static final Path OVERLAY_FILE = Path.of("environments/dev/deployment.yaml");

  private Fixtures() {}

  static final List<ServiceSpec.Step> STEPS =
      List.of(
          new ServiceSpec.SetWeight(10),
          new ServiceSpec.Pause("10m"),
          new ServiceSpec.SetWeight(50),
          new ServiceSpec.Pause("10m"),
          new ServiceSpec.SetWeight(100));

  static ServiceSpec.Metric successRate(String ratio) {
    return new ServiceSpec.SuccessRate("success-rate", new BigDecimal(ratio), 0);
  }

  static ServiceSpec.Metric latency(String seconds) {
    return new ServiceSpec.Latency("latency", new BigDecimal(seconds), 1);
  }

  static ServiceSpec.Environment dev() {
    return new ServiceSpec.Environment("dev", "homelab", "audiobookshelf-dev", true, null, 0);
  }

  static ServiceSpec.Environment canary(List<ServiceSpec.Metric> metrics) {
    return canary(STEPS, metrics);
  }

  static ServiceSpec.Environment canary(
      List<ServiceSpec.Step> steps, List<ServiceSpec.Metric> metrics) {
    return new ServiceSpec.Environment(
        "canary",
        "homelab",
        "audiobookshelf-canary",
        false,
        new ServiceSpec.Rollout("canary", steps, metrics),
        2);
  }

  static ServiceSpec.Environment canary() {
    return canary(List.of(successRate("0.95")));
  }

  static ServiceSpec.Environment production() {
    return new ServiceSpec.Environment("production", "homelab", "audiobookshelf", false, null, 3);
  }

  /** A service.yaml source map with a few positions, so messages can be checked for line:column. */
  static SourceMap serviceMap() {
    return new Positions()
        .value("/spec/environments/0/namespace", 14, 18)
        .value("/spec/environments/2/rollout", 25, 9)
        .value("/spec/environments/2/rollout/analysis/metrics/0", 35, 15)
        .value("/spec/environments/2/rollout/analysis/metrics/0/threshold", 36, 26)
        .value("/spec/dependencies/1", 44, 7)
        .value("/spec/monitoring/dashboards/0", 50, 9)
        .value("/spec/monitoring/alerts/0", 52, 9)
        .in(SERVICE_FILE);
  }

  static ServiceSpec service(
      ServiceSpec.Sla sla,
      List<String> dependencies,
      ServiceSpec.Monitoring monitoring,
      ServiceSpec.Environment... environments) {
    return new ServiceSpec(
        "audiobookshelf",
        "services",
        Map.of(),
        Map.of(),
        null,
        new ServiceSpec.Owner("product", "#audiobookshelf", "product@stonegarden.dev"),
        List.of(environments),
        dependencies,
        sla,
        monitoring,
        List.of(),
        SERVICE_FILE,
        serviceMap());
  }

  static ServiceSpec service(ServiceSpec.Environment... environments) {
    return service(sla(), List.of("kafka", "postgres"), null, environments);
  }

  static ServiceSpec.Sla sla() {
    return new ServiceSpec.Sla(
        new BigDecimal("99.9"), new BigDecimal("0.001"), new BigDecimal("0.1"));
  }

  static PlatformSettings platform() {
    return platform(false, PlatformSettings.DashboardMode.CONFIGMAP);
  }

  static PlatformSettings platform(
      boolean networkPolicy, PlatformSettings.DashboardMode dashboards) {
    Map<String, PlatformSettings.Dependency> deps = new LinkedHashMap<>();
    deps.put("kafka", new PlatformSettings.Dependency("kafka", List.of(9092, 9093)));
    deps.put("postgres", new PlatformSettings.Dependency("postgres", List.of(5432)));
    deps.put("redis", new PlatformSettings.Dependency("redis", List.of(6379)));
    return new PlatformSettings(
        "homelab",
        List.of("dev", "staging", "canary", "production"),
        "platform.stonegarden.dev",
        Map.of("in-cluster", "https://kubernetes.default.svc"),
        new PlatformSettings.ArgoCd("argocd", "{{team}}", "", "HEAD", "platform-render-v1"),
        new PlatformSettings.Prometheus(
            "http://prometheus-operated.monitoring.svc:9090",
            Map.of("release", "kube-prometheus-stack")),
        new PlatformSettings.Sli(
            "http_requests_total{namespace=\"{{namespace}}\"}",
            "http_requests_total{namespace=\"{{namespace}}\",code=~\"5..\"}",
            "http_request_duration_seconds_bucket{namespace=\"{{namespace}}\"}"),
        new PlatformSettings.Monitoring(List.of("production"), dashboards),
        deps,
        networkPolicy,
        null,
        PlatformSettings.Canary.DEFAULTS,
        PlatformSettings.Kargo.DEFAULTS,
        PlatformSettings.TrafficRouting.NONE);
  }

  /** Every document of {@code yaml} as a resource from {@link #OVERLAY_FILE}. */
  static ResourceList resources(String yaml) {
    return resources(yaml, OVERLAY_FILE);
  }

  static ResourceList resources(String yaml, Path file) {
    ResourceList list = new ResourceList();
    for (JsonNode doc : documents(yaml)) {
      list.add(new Resource((ObjectNode) doc, SourcePosition.of(file), SourceMap.empty(file)));
    }
    return list;
  }

  static List<JsonNode> documents(String yaml) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
        out.add(doc);
      }
    }
    return out;
  }

  /** Asserts the list holds exactly the documents of {@code expected}, in order (as trees). */
  static void assertResources(String expected, ResourceList actual) {
    List<JsonNode> want = documents(expected);
    List<JsonNode> have = new ArrayList<>();
    actual.forEach(r -> have.add(r.body()));
    assertEquals(
        YAML.writeValueAsString(canonical(want)), YAML.writeValueAsString(canonical(have)));
  }

  /**
   * Keys sorted recursively: the writer orders keys itself, so key order is not part of a step's
   * result.
   */
  static JsonNode canonical(Object value) {
    if (value instanceof List<?> list) {
      tools.jackson.databind.node.ArrayNode a = YAML.createArrayNode();
      list.forEach(v -> a.add(canonical(v)));
      return a;
    }
    JsonNode n = (JsonNode) value;
    if (n.isObject()) {
      ObjectNode o = YAML.createObjectNode();
      new java.util.TreeSet<>(n.propertyNames()).forEach(k -> o.set(k, canonical(n.get(k))));
      return o;
    }
    if (n.isArray()) {
      tools.jackson.databind.node.ArrayNode a = YAML.createArrayNode();
      n.forEach(v -> a.add(canonical(v)));
      return a;
    }
    return n;
  }

  static ObjectNode tree(String yaml) {
    return (ObjectNode) documents(yaml).get(0);
  }

  static List<Diagnostic> errors(Executable run) {
    InputException e = Assertions.assertThrows(InputException.class, run);
    return e.diagnostics();
  }

  static Values values(
      Values.Settings defaults, Map<String, Values.Settings> workloads, SourceMap map) {
    return new Values(defaults, workloads, map.file(), map);
  }
}
