package dev.stonegarden.render.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.batch.BatchRenderer.EnvironmentRender;
import dev.stonegarden.render.batch.BatchRenderer.ServiceRender;
import dev.stonegarden.render.generate.EnvironmentRenderer;
import dev.stonegarden.render.generate.RenderRequest;
import dev.stonegarden.render.input.ParsedFiles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs several renders of one run share (a base, a component, their patches, configuration
 * files, alert files and dashboards) are parsed once, and sharing them changes no byte: two
 * services built on one base whose overlays patch what the base gives render in one run, in both
 * orders and on one or several threads, exactly as each renders alone.
 */
class SharedInputsTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");
  static final List<String> ENVIRONMENTS = List.of("dev", "staging", "canary", "production");

  @TempDir Path repo;

  @BeforeEach
  void twoServicesOnOneBase() throws IOException {
    Files.writeString(repo.resolve(".git"), "gitdir: elsewhere\n"); // the repository root
    Files.copy(EXAMPLE.resolve("platform.yaml"), repo.resolve("platform.yaml"));
    Path example = EXAMPLE.resolve("services/audiobookshelf");
    copyTree(example.resolve("environments/base"), repo.resolve("shared/base"));
    copyTree(example.resolve("prometheus"), repo.resolve("shared/monitoring"));
    copyTree(example.resolve("grafana"), repo.resolve("shared/monitoring"));
    // The base patches what it holds: a file patch, an inline patch, a JSON 6902 file, a
    // strategic-merge file, and a configurations file; every overlay then patches the result.
    append(
        "shared/base/kustomization.yaml",
        """
        configurations:
          - config/images.yaml
        patches:
          - path: patches/probe.yaml
          - target: {kind: Deployment, name: audiobookshelf}
            patch: |-
              - op: add
                path: /spec/template/metadata/annotations
                value: {shared: base}
        patchesJson6902:
          - target: {group: apps, version: v1, kind: Deployment, name: audiobookshelf}
            path: patches/ops.yaml
        patchesStrategicMerge:
          - patches/env.yaml
        """);
    write(
        "shared/base/config/images.yaml",
        """
        images:
          - path: spec/template/spec/initContainers/image
            kind: Deployment
        """);
    write(
        "shared/base/patches/probe.yaml",
        containerPatch("livenessProbe: {httpGet: {path: /healthcheck, port: http}}"));
    write(
        "shared/base/patches/ops.yaml",
        """
        - op: add
          path: /spec/template/spec/containers/0/env
          value: [{name: FROM_BASE, value: "1"}]
        """);
    write(
        "shared/base/patches/env.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: audiobookshelf}
        spec:
          template:
            metadata:
              labels: {tier: shared}
        """);
    write(
        "shared/component/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        patches:
          - path: sidecar.yaml
        """);
    write(
        "shared/component/sidecar.yaml",
        containerPatch("env: [{name: FROM_COMPONENT, value: \"1\"}]"));
    for (String service : List.of("alpha", "beta")) {
      Path dir = repo.resolve("services").resolve(service);
      copyTree(example, dir);
      deleteTree(dir.resolve("environments/base"));
      deleteTree(dir.resolve("prometheus"));
      deleteTree(dir.resolve("grafana"));
      String spec = Files.readString(dir.resolve("service.yaml"), StandardCharsets.UTF_8);
      spec =
          spec.replace("name: audiobookshelf\n", "name: " + service + "\n")
              .replace("namespace: audiobookshelf", "namespace: " + service)
              .replace("grafana/", "../../shared/monitoring/")
              .replace("prometheus/", "../../shared/monitoring/");
      Files.writeString(dir.resolve("service.yaml"), spec, StandardCharsets.UTF_8);
      for (String env : ENVIRONMENTS) {
        Path k = dir.resolve("environments").resolve(env).resolve("kustomization.yaml");
        String text = Files.readString(k, StandardCharsets.UTF_8);
        // Each overlay changes the trees the shared files gave it, differently per service.
        text =
            text.replace("  - ../base\n", "  - ../../../../shared/base\n")
                + "components:\n  - ../../../../shared/component\n"
                + "patches:\n"
                + "  - target: {kind: Deployment}\n"
                + "    patch: |-\n"
                + "      - op: replace\n"
                + "        path: /spec/template/spec/containers/0/env/0/value\n"
                + "        value: "
                + service
                + "-"
                + env
                + "\n";
        // One patches: key per file: fold the overlay's own entries into the one added above.
        text = foldPatches(text);
        Files.writeString(k, text, StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void aRunRendersEveryEnvironmentAsItRendersAloneInAnyOrderAndOnAnyThreads() {
    Map<String, String> alone = new LinkedHashMap<>();
    for (String service : List.of("alpha", "beta")) {
      for (String env : ENVIRONMENTS) {
        String text =
            new EnvironmentRenderer(null)
                .render(
                    new RenderRequest(
                        repo,
                        repo.resolve("services").resolve(service),
                        env,
                        repo,
                        ArgoEnvironment.none(),
                        RenderRequest.OutputFormat.YAML))
                .text();
        alone.put(service + "/" + env, text);
      }
    }
    // What the overlays did to the shared trees shows in each render, and only there.
    assertTrue(alone.get("alpha/dev").contains("value: alpha-dev"), alone.get("alpha/dev"));
    assertFalse(alone.get("beta/dev").contains("alpha-"), alone.get("beta/dev"));
    assertTrue(alone.get("beta/production").contains("kind: PrometheusRule"));
    assertTrue(alone.get("beta/production").contains("namespace: beta\n"));

    for (List<String> order : List.of(List.of("alpha", "beta"), List.of("beta", "alpha"))) {
      for (int threads : new int[] {1, 2, 4}) {
        for (int round = 0; round < 3; round++) {
          Map<String, String> batch = renderAll(order, threads);
          for (Map.Entry<String, String> e : alone.entrySet()) {
            assertEquals(
                e.getValue(),
                batch.get(e.getKey()),
                e.getKey() + " in order " + order + " on " + threads + " threads");
          }
        }
      }
    }
  }

  @Test
  void eachSharedFileIsParsedOncePerRun() throws Exception {
    BatchRenderer batch = new BatchRenderer(repo, BatchRenderer.Output.YAML, 2);
    List<ServiceRender> results = batch.render(services(List.of("alpha", "beta")), e -> true, null);
    results.forEach(r -> assertFalse(r.failed(), r.allDiagnostics().toString()));
    ParsedFiles parsed = batch.parsedFiles();
    // Eight renders read these; each content is parsed once.
    // Kustomization files: the base, its configurations file, the component, and the 8 overlays.
    assertEquals(1 + 1 + 1 + 8, parsed.parses(kind("kustomize.Yaml", "KUSTOMIZATION_FILES")));
    // Resource files: the base's 3 files, and canary's hpa.yaml and production's pdb.yaml twice.
    assertEquals(3 + 2 * 2, parsed.parses(kind("kustomize.Yaml", "RESOURCE_FILES")));
    // patches: entries: the base's file and inline patch, the component's file; per service, the
    // overlays' own (dev 1, staging 2, canary 1, production 1) and the inline one added to each.
    assertEquals(
        2 + 1 + 2 * (5 + 4), parsed.parses(kind("kustomize.patch.PatchParser", "PATCHES")));
    assertEquals(1, parsed.parses(kind("kustomize.patch.PatchParser", "JSON6902_PATCHES")));
    assertEquals(1, parsed.parses(kind("kustomize.patch.PatchParser", "STRATEGIC_MERGE_PATCHES")));
    // Monitoring files: read by the production renders of both services.
    assertEquals(1, parsed.parses(kind("platform.AlertFileGenerator", "ALERT_FILES")));
    assertEquals(1, parsed.parses(kind("platform.DashboardGenerator", "DASHBOARDS")));

    // A second run over the same files in the same renderer parses nothing again.
    batch.render(services(List.of("beta", "alpha")), e -> true, null);
    assertEquals(1, parsed.parses(kind("platform.AlertFileGenerator", "ALERT_FILES")));
    assertEquals(3 + 2 * 2, parsed.parses(kind("kustomize.Yaml", "RESOURCE_FILES")));
  }

  private Map<String, String> renderAll(List<String> order, int threads) {
    BatchRenderer batch = new BatchRenderer(repo, BatchRenderer.Output.YAML, threads);
    Map<String, String> out = new LinkedHashMap<>();
    for (ServiceRender r : batch.render(services(order), e -> true, null)) {
      assertFalse(r.failed(), r.allDiagnostics().toString());
      for (EnvironmentRender e : r.environments()) {
        out.put(r.name() + "/" + e.environment(), e.text());
      }
    }
    return out;
  }

  private List<Path> services(List<String> names) {
    List<Path> files = new ArrayList<>();
    for (String n : names) {
      files.add(repo.resolve("services").resolve(n).resolve("service.yaml"));
    }
    return files;
  }

  /** A kind a production class declares (package-private there), by its constant. */
  private static ParsedFiles.Kind<?> kind(String className, String field) throws Exception {
    Field f = Class.forName("dev.stonegarden.render." + className).getDeclaredField(field);
    f.setAccessible(true);
    Object kind = f.get(null);
    assertNotNull(kind);
    return (ParsedFiles.Kind<?>) kind;
  }

  /** A strategic-merge patch of the example's one container. */
  private static String containerPatch(String field) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: audiobookshelf}
        spec:
          template:
            spec:
              containers:
                - name: audiobookshelf
        """
        + "          "
        + field
        + "\n";
  }

  private static String foldPatches(String text) {
    int first = text.indexOf("patches:\n");
    int last = text.lastIndexOf("patches:\n");
    if (first == last) {
      return text;
    }
    // Move the entries under the last key (the one added) below the first one.
    String added = text.substring(last + "patches:\n".length());
    String head = text.substring(0, last);
    int at = head.indexOf("patches:\n") + "patches:\n".length();
    return head.substring(0, at) + added + head.substring(at);
  }

  private void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private void append(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.writeString(
        p, Files.readString(p, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
