package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile kustomizations where we used to differ from {@code kubectl kustomize} (issue 9, defect 8,
 * 9): each is built by kubectl and by us, and either both print the same bytes or both refuse (we
 * with exit 3, nothing on stdout and a positioned diagnostic). Needs kubectl ({@link
 * Prerequisites}).
 */
class HostileKustomizeTest {

  private static final Pattern POSITIONED =
      Pattern.compile("(?m)^[^\\s:][^:\\n]*:\\d+:\\d+: error: .+$");

  record Case(String name, Map<String, String> files) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, String... pathsAndContents) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return new Case(name, files);
  }

  static Stream<Case> cases() {
    return Stream.of(
        of(
            "a replacement copies a float as written, not as the JDK prints it",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: Widget, name: w, fieldPath: spec.x}
              targets:
              - select: {kind: ConfigMap}
                fieldPaths: [data.v]
            - source: {kind: Widget, name: w, fieldPath: spec.y}
              targets:
              - select: {kind: ConfigMap}
                fieldPaths: [data.u]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "a", u: "b"}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {x: 282879384806159000.0, y: 1e-7}
            """),
        of(
            "an infinity in a resource is refused at its line and column",
            "kustomization.yaml",
            "resources: [r.yaml]\n",
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            spec:
              x: .inf
            """),
        of(
            "a control character go-yaml rejects is refused at its line and column",
            "kustomization.yaml",
            "resources: [r.yaml]\n",
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data:
              x: "a\\uFFFEb"
            """),
        of(
            "a patch target's namespace pattern matches cluster-scoped objects as _non_namespaceable_",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            patches:
            - target: {namespace: _non_namespaceable_}
              patch: |
                - {op: add, path: /metadata/annotations, value: {hit: "yes"}}
            - target: {namespace: ".*able.*", kind: ClusterRole}
              patch: |
                - {op: add, path: /metadata/labels, value: {hit: "yes"}}
            """,
            "r.yaml",
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cr}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm2, namespace: _non_namespaceable_}
            """),
        of(
            "floats in a hashed Secret and in JSON patch tests are formatted as Go does on every JDK",
            // JDK 17's Double.toString gives 2.82879384806159008E17: the Secret's hash differed
            // from JDK 25's and kubectl's, and the test operation failed
            "kustomization.yaml",
            """
            resources: [cm.yaml]
            secretGenerator:
            - name: s
              literals: [a=b]
            patches:
            - target: {kind: Secret}
              patch: |
                - {op: add, path: /stringData, value: {k: 282879384806159000.0, t: 1.0e-7, u: 5e-324}}
            - target: {kind: ConfigMap}
              patch: |
                - {op: test, path: /data/n, value: 282879384806159000}
                - {op: test, path: /data/m, value: 1e-7}
                - {op: add, path: /data/ok, value: "yes"}
            """,
            "cm.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {n: 282879384806159000.0, m: 0.0000001}
            """),
        of(
            "a replacement puts a string into an integer field: kubectl fails",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.replicas]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "abc"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """),
        of(
            "a replacement puts a number text into an integer field",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.replicas]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "3"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """),
        of(
            "a replacement puts a float text into an integer field: kubectl fails",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.replicas]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "3.5"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """),
        of(
            "a replacement puts yes into a boolean field: kubectl fails (YAML 1.2)",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.paused]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "yes"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """),
        of(
            "a replacement puts true into a boolean field",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.paused]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "true"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """),
        of(
            "a replacement puts an integer into a float field",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.template.metadata.annotations.f]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: "7"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """),
        of(
            "a replacement puts a number into a string field",
            "kustomization.yaml",
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, name: c, fieldPath: data.v}
              targets:
              - select: {kind: Deployment}
                fieldPaths: [spec.template.metadata.annotations.a]
            """,
            "r.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {v: 42}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 1
              paused: false
              template:
                metadata: {annotations: {a: x, f: 1.5}}
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameAsKubectl(Case c, @TempDir Path dir) throws IOException {
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    Prerequisites.Output kubectl = Prerequisites.kustomize(dir);
    ConformanceRun ours = ConformanceRun.run(dir, ".");
    if (!kubectl.ok()) {
      assertEquals(3, ours.exitCode(), "kubectl refuses this; we printed:\n" + ours.stdout());
      assertEquals("", ours.stdout());
      assertTrue(POSITIONED.matcher(ours.stderr()).find(), ours.stderr());
      return;
    }
    assertEquals(0, ours.exitCode(), ours.stderr());
    assertEquals(kubectl.stdout(), ours.stdout());
  }
}
