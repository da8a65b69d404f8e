package dev.stonegarden.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile kustomizations where we used to differ from {@code kubectl kustomize} (issue 9, defect
 * 8): each is built by kubectl and by us, and either both print the same bytes or both refuse (we
 * with exit 3, nothing on stdout and a positioned diagnostic). Skipped when kubectl is absent.
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
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameAsKubectl(Case c, @TempDir Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(kubectlAvailable(), "kubectl not on PATH");
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    Process p =
        new ProcessBuilder("kubectl", "kustomize", ".")
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int kubectlExit = p.waitFor();
    ConformanceRun ours = ConformanceRun.run(dir, ".");
    if (kubectlExit != 0) {
      assertEquals(3, ours.exitCode(), "kubectl refuses this; we printed:\n" + ours.stdout());
      assertEquals("", ours.stdout());
      assertTrue(POSITIONED.matcher(ours.stderr()).find(), ours.stderr());
      return;
    }
    assertEquals(0, ours.exitCode(), ours.stderr());
    assertEquals(expected, ours.stdout());
  }

  static boolean kubectlAvailable() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
