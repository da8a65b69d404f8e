package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.service.PlatformSettings.ArgoCd;
import dev.stonegarden.render.service.PlatformSettings.DashboardMode;
import dev.stonegarden.render.service.PlatformSettings.Dependency;
import dev.stonegarden.render.service.PlatformSettings.Monitoring;
import dev.stonegarden.render.service.PlatformSettings.Prometheus;
import dev.stonegarden.render.service.PlatformSettings.Sli;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Finds and reads {@code platform.yaml} (docs/platform-yaml.md): the nearest one with {@code kind:
 * Platform}, walking up from the service directory to the repository root; every key missing from
 * it (or every key, when there is none) takes the default of docs/platform-yaml.md.
 */
public final class PlatformReader {
  /** The file name looked for in each directory. */
  public static final String FILE_NAME = "platform.yaml";

  private PlatformReader() {}

  /** All defaults of docs/platform-yaml.md (no platform.yaml). */
  public static PlatformSettings defaults() {
    Map<String, String> clusters = new LinkedHashMap<>();
    clusters.put("in-cluster", "https://kubernetes.default.svc");
    Map<String, String> ruleLabels = new LinkedHashMap<>();
    ruleLabels.put("release", "kube-prometheus-stack");
    Map<String, Dependency> deps = new LinkedHashMap<>();
    deps.put("kafka", new Dependency("kafka", List.of(9092, 9093)));
    deps.put("postgres", new Dependency("postgres", List.of(5432)));
    deps.put("redis", new Dependency("redis", List.of(6379)));
    return new PlatformSettings(
        null,
        List.of("dev", "staging", "canary", "production"),
        "platform.stonegarden.dev",
        Collections.unmodifiableMap(clusters),
        new ArgoCd("argocd", "{{team}}", "", "HEAD", "platform-render-v1"),
        new Prometheus(
            "http://prometheus-operated.monitoring.svc:9090",
            Collections.unmodifiableMap(ruleLabels)),
        new Sli(
            "http_requests_total{namespace=\"{{namespace}}\"}",
            "http_requests_total{namespace=\"{{namespace}}\",code=~\"5..\"}",
            "http_request_duration_seconds_bucket{namespace=\"{{namespace}}\"}"),
        new Monitoring(List.of("production"), DashboardMode.CONFIGMAP),
        Collections.unmodifiableMap(deps),
        false,
        null,
        PlatformSettings.Canary.DEFAULTS,
        PlatformSettings.Kargo.DEFAULTS,
        PlatformSettings.TrafficRouting.NONE);
  }

  /**
   * The settings that apply to the service in {@code serviceDir}: the nearest {@code platform.yaml}
   * with {@code kind: Platform} in {@code serviceDir} or an ancestor up to and including {@code
   * repoRoot}; the defaults when there is none. A {@code platform.yaml} of another kind is passed
   * over; one that is not valid YAML is an error (it was meant to be read).
   */
  public static PlatformSettings find(Path serviceDir, Path repoRoot) {
    // Real paths on both sides, so a link in either cannot make the walk pass the root; never
    // above the repository root, and without one, the service directory alone.
    Path dir = real(serviceDir);
    Path root = repoRoot == null ? dir : real(repoRoot);
    RootedFiles files = RootedFiles.at(root);
    boolean bounded = dir.startsWith(root);
    while (dir != null) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        YamlDocument doc = YamlFiles.readSingle(files, candidate, FILE_NAME);
        JsonNode kind = doc.root().get("kind");
        if (kind != null && kind.isString() && kind.stringValue().equals("Platform")) {
          return read(doc);
        }
      }
      if (!bounded || dir.equals(root)) {
        break;
      }
      dir = dir.getParent();
    }
    return defaults();
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  /**
   * Reads one {@code platform.yaml}; an {@link InputException} with all of its problems when it is
   * invalid.
   */
  public static PlatformSettings read(Path platformYaml) {
    return read(YamlFiles.readSingle(platformYaml, FILE_NAME));
  }

  static PlatformSettings read(YamlDocument doc) {
    Problems problems = new Problems();
    problems.addAll(SchemaCheck.check(Schemas.PLATFORM, doc, p -> false, p -> false));
    rules(doc, problems);
    List<Diagnostic> all = ServiceReader.sorted(problems.all());
    if (all.stream().anyMatch(Diagnostic::isError)) {
      throw new InputException(all);
    }
    return bind(doc);
  }

  /**
   * What the schema cannot say: unique pipeline stages, sli templates that are plain PromQL vector
   * selectors with known placeholders, monitoring environments that are stages.
   */
  private static void rules(YamlDocument doc, Problems problems) {
    SourceMap map = doc.sourceMap();
    JsonNode pipeline = doc.root().at("/spec/pipeline");
    List<String> stages = new ArrayList<>();
    if (pipeline.isArray()) {
      for (int i = 0; i < pipeline.size(); i++) {
        JsonNode s = pipeline.get(i);
        if (s.isString()) {
          if (stages.contains(s.stringValue())) {
            problems.error(
                map.positionOf("/spec/pipeline/" + i),
                "duplicate pipeline stage \"" + s.stringValue() + "\"");
          } else {
            stages.add(s.stringValue());
          }
        }
      }
    } else {
      stages.addAll(defaults().pipeline());
    }
    JsonNode sli = doc.root().at("/spec/sli");
    for (String key : List.of("requests", "errors", "latencyBucket")) {
      JsonNode t = sli.get(key);
      if (t != null && t.isString()) {
        QueryChecks.sliTemplate(problems, map.positionOf("/spec/sli/" + key), key, t.stringValue());
      }
    }
    JsonNode envs = doc.root().at("/spec/monitoring/environments");
    if (envs.isArray()) {
      for (int i = 0; i < envs.size(); i++) {
        JsonNode e = envs.get(i);
        if (e.isString() && !stages.contains(e.stringValue())) {
          problems.error(
              map.positionOf("/spec/monitoring/environments/" + i),
              "monitoring environment \""
                  + e.stringValue()
                  + "\" is not a stage of the pipeline ("
                  + String.join(", ", stages)
                  + ")"
                  + Spelling.didYouMean(e.stringValue(), stages));
        }
      }
    }
  }

  private static PlatformSettings.Kargo kargo(JsonNode k, PlatformSettings.Kargo d) {
    return new PlatformSettings.Kargo(
        k.has("enabled") ? k.get("enabled").booleanValue() : d.enabled(),
        Trees.textOr(k.get("project"), d.project()),
        Trees.textOr(k.get("promotion"), d.promotion()),
        Trees.textOr(k.get("branch"), d.branch()),
        Trees.textOr(k.get("soak"), d.soak()));
  }

  private static PlatformSettings bind(YamlDocument doc) {
    PlatformSettings d = defaults();
    JsonNode root = doc.root();
    JsonNode spec = root.path("spec");
    JsonNode argo = spec.path("argocd");
    JsonNode prom = spec.path("prometheus");
    JsonNode sli = spec.path("sli");
    JsonNode mon = spec.path("monitoring");
    JsonNode canary = spec.path("canary");
    Map<String, Dependency> deps = d.dependencies();
    if (spec.has("dependencies")) {
      Map<String, Dependency> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : spec.get("dependencies").properties()) {
        List<Integer> ports = new ArrayList<>();
        e.getValue().path("ports").values().forEach(p -> ports.add(p.intValue()));
        m.put(
            e.getKey(),
            new Dependency(e.getValue().get("namespace").stringValue(), List.copyOf(ports)));
      }
      deps = Collections.unmodifiableMap(m);
    }
    return new PlatformSettings(
        Trees.textOr(root.path("metadata").get("name"), null),
        spec.has("pipeline") ? Trees.strings(spec.get("pipeline")) : d.pipeline(),
        Trees.textOr(spec.get("labelDomain"), d.labelDomain()),
        spec.has("clusters") ? Trees.stringMap(spec.get("clusters")) : d.clusters(),
        new ArgoCd(
            Trees.textOr(argo.get("namespace"), d.argocd().namespace()),
            Trees.textOr(argo.get("project"), d.argocd().project()),
            Trees.textOr(argo.get("repoURL"), d.argocd().repoURL()),
            Trees.textOr(argo.get("targetRevision"), d.argocd().targetRevision()),
            Trees.textOr(argo.get("plugin"), d.argocd().plugin()),
            Trees.textOr(argo.get("ssoGroup"), d.argocd().ssoGroup())),
        new Prometheus(
            Trees.textOr(prom.get("address"), d.prometheus().address()),
            prom.has("ruleLabels")
                ? Trees.stringMap(prom.get("ruleLabels"))
                : d.prometheus().ruleLabels()),
        new Sli(
            Trees.textOr(sli.get("requests"), d.sli().requests()),
            Trees.textOr(sli.get("errors"), d.sli().errors()),
            Trees.textOr(sli.get("latencyBucket"), d.sli().latencyBucket())),
        new Monitoring(
            mon.has("environments")
                ? Trees.strings(mon.get("environments"))
                : d.monitoring().environments(),
            mon.has("dashboards") && mon.get("dashboards").stringValue().equals("grafana-operator")
                ? DashboardMode.GRAFANA_OPERATOR
                : d.monitoring().dashboards(),
            mon.has("grafanaInstanceSelector")
                ? Trees.stringMap(mon.get("grafanaInstanceSelector"))
                : d.monitoring().grafanaInstanceSelector()),
        deps,
        spec.has("networkPolicy") ? spec.get("networkPolicy").booleanValue() : d.networkPolicy(),
        doc.file(),
        new PlatformSettings.Canary(
            Trees.textOr(canary.get("hashLabel"), d.canary().hashLabel()),
            canary.has("relabelMonitors")
                ? canary.get("relabelMonitors").booleanValue()
                : d.canary().relabelMonitors()),
        kargo(spec.path("kargo"), d.kargo()),
        RoutingReader.trafficRouting(spec.get("trafficRouting")));
  }
}
