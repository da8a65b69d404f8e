package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cmp parameters}, run in process as the sidecar would run it (docs/argocd.md#parameters).
 */
class CmpParametersTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new Invocation(cwd, env, new PrintWriter(out), new PrintWriter(err)));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * The reduced environment the dynamic command gets
   * (docs/argocd.md#how-argo-cd-passes-parameters).
   */
  static Map<String, String> dynamicEnv(String sourcePath) {
    Map<String, String> env = new HashMap<>();
    env.put("ARGOCD_APP_NAME", "audiobookshelf-dev");
    env.put("ARGOCD_APP_SOURCE_REPO_URL", "https://git.example.com/platform/homelab.git");
    env.put("ARGOCD_APP_SOURCE_PATH", sourcePath);
    env.put("ARGOCD_APP_SOURCE_TARGET_REVISION", "HEAD");
    env.put("ARGOCD_APP_PARAMETERS", "null");
    return env;
  }

  private static JsonNode environmentEntry(String json) {
    JsonNode root = JsonMapper.builder().build().readTree(json);
    assertTrue(root.isArray(), json);
    // environment, then render (the bootstrap's switch, docs/appset.md), as KnownParameter.ALL.
    assertEquals(2, root.size(), json);
    JsonNode render = root.get(1);
    assertEquals("render", render.get("name").stringValue());
    assertEquals("environment", render.get("string").stringValue());
    assertFalse(render.get("required").booleanValue());
    JsonNode entry = root.get(0);
    assertEquals("environment", entry.get("name").stringValue());
    assertEquals("Environment", entry.get("title").stringValue());
    assertTrue(entry.get("required").booleanValue());
    assertEquals("string", entry.get("collectionType").stringValue());
    assertEquals("string", entry.get("itemType").stringValue());
    return entry;
  }

  private Path service(String yaml) throws IOException {
    Path dir = tmp.resolve("repo/kubernetes/services/svc");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("service.yaml"), yaml);
    return dir;
  }

  @Test
  void listsEnvironmentsInPipelineOrder() throws IOException {
    // File order differs from the pipeline order; platform.yaml's pipeline wins.
    Path dir =
        service(
            """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: svc}
        spec:
          owner: {team: product}
          environments:
            - {name: production, namespace: svc}
            - {name: qa, namespace: svc-qa}
            - {name: dev, namespace: svc-dev}
        """);
    Files.writeString(
        tmp.resolve("repo/kubernetes/platform.yaml"),
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Platform
        spec:
          pipeline: [dev, qa, production]
        """);
    Result r = run(dir, dynamicEnv("kubernetes/services/svc"), "cmp", "parameters");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().endsWith("]\n"), r.out());
    String tooltip = environmentEntry(r.out()).get("tooltip").stringValue();
    assertTrue(tooltip.endsWith(" This service: dev, qa, production."), tooltip);
  }

  @Test
  void defaultPipelineWithoutPlatformYaml() throws IOException {
    Path dir =
        service(
            """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: svc}
        spec:
          owner: {team: product}
          environments:
            - {name: production, namespace: svc}
            - {name: dev, namespace: svc-dev}
            - {name: canary, namespace: svc-canary}
        """);
    Result r = run(dir, Map.of(), "cmp", "parameters");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        environmentEntry(r.out())
            .get("tooltip")
            .stringValue()
            .endsWith("This service: dev, canary, production."));
  }

  @Test
  void brokenServiceYamlStillAnnounces() throws IOException {
    Path dir = service("spec:\n  environments: [\n");
    Result r = run(dir, dynamicEnv("kubernetes/services/svc"), "cmp", "parameters");
    assertEquals(0, r.code());
    String tooltip = environmentEntry(r.out()).get("tooltip").stringValue();
    assertTrue(tooltip.contains("could not be read"), tooltip);
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("service.yaml:"), r.err());
    assertTrue(r.err().contains("warning"), r.err());
  }

  @Test
  void environmentsAsAMapStillAnnounces() throws IOException {
    Path dir =
        service(
            """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: svc}
        spec:
          owner: {team: product}
          environments:
            dev: {namespace: svc-dev}
        """);
    Result r = run(dir, Map.of("ARGOCD_APP_NAME", "x"), "cmp", "parameters");
    assertEquals(0, r.code());
    assertTrue(
        r.err()
            .startsWith("service.yaml:6:3: warning: spec.environments must be a list, found a map"),
        r.err());
    assertTrue(r.err().contains("environments"), r.err());
    environmentEntry(r.out());
  }

  @Test
  void missingServiceYamlAndWrongSourcePathStillAnnounce() {
    Result r = run(tmp, dynamicEnv("some/other/path"), "cmp", "parameters");
    assertEquals(0, r.code());
    environmentEntry(r.out());
  }

  @Test
  void theExampleService() {
    String project = System.getProperty("project.dir");
    Path dir =
        Path.of(project == null ? "." : project, "examples/kubernetes/services/audiobookshelf");
    assertTrue(
        Files.isRegularFile(dir.resolve("service.yaml")), "the example repository is not there");
    Result r = run(dir, dynamicEnv("kubernetes/services/audiobookshelf"), "cmp", "parameters");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        environmentEntry(r.out())
            .get("tooltip")
            .stringValue()
            .endsWith("This service: dev, staging, canary, production."));
  }

  @Test
  void cmpAloneIsAUsageError() {
    Result r = run(tmp, Map.of(), "cmp");
    assertEquals(2, r.code());
    assertEquals("", r.out());
  }

  @Test
  void announcementWithoutList() {
    assertEquals(
        List.of("environment"),
        List.of(environmentEntry(ParameterAnnouncement.json(null)).get("name").stringValue()));
  }
}
