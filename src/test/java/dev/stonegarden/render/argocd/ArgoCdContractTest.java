package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Does what argocd-cmp-server does (docs/argocd.md): unpacks the example repository into a fresh
 * directory (files 0644), runs plugin.yaml's {@code generate} command as an argv without a shell in
 * the app directory, with the environment the repo-server builds, and reads stdout the way Argo CD
 * does. {@code platform-render} resolves to the project's launcher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArgoCdContractTest {
  private static final String APP_PATH = "kubernetes/services/audiobookshelf";
  private static final String REVISION = "0f3c9a7d5e2b41c8a6d9e0b7f1a2c3d4e5f60718";

  /**
   * Sorted, group/version and group/version/Kind entries, as APIResourcesToStrings builds them
   * (docs/argocd.md#environment-variables).
   */
  private static final List<String> API_VERSIONS =
      List.of(
          "apps/v1",
          "apps/v1/Deployment",
          "apps/v1/StatefulSet",
          "argoproj.io/v1alpha1",
          "argoproj.io/v1alpha1/AnalysisRun",
          "argoproj.io/v1alpha1/AnalysisTemplate",
          "argoproj.io/v1alpha1/Application",
          "argoproj.io/v1alpha1/Rollout",
          "autoscaling/v2",
          "autoscaling/v2/HorizontalPodAutoscaler",
          "monitoring.coreos.com/v1",
          "monitoring.coreos.com/v1/PrometheusRule",
          "monitoring.coreos.com/v1/ServiceMonitor",
          "networking.k8s.io/v1",
          "networking.k8s.io/v1/NetworkPolicy",
          "policy/v1",
          "policy/v1/PodDisruptionBudget",
          "v1",
          "v1/ConfigMap",
          "v1/Namespace",
          "v1/PersistentVolumeClaim",
          "v1/Secret",
          "v1/Service",
          "v1/ServiceAccount");

  @TempDir static Path tmp;
  Path repo;
  Path app;
  List<String> argv;

  /** environment name -> namespace, in service.yaml order. */
  final Map<String, String> environments = new LinkedHashMap<>();

  final Map<String, String> rendered = new LinkedHashMap<>();

  @BeforeAll
  void setUp() throws IOException {
    Path project = ProcessRunner.project();
    Path example = project.resolve("examples");
    assertTrue(
        Files.isRegularFile(example.resolve(APP_PATH).resolve("service.yaml")),
        "the example repository is not there");

    repo = tmp.resolve("_cmp_server/6f0e6a52-0c1b-4d43-9f39-3d0b1f0c2a11");
    ProcessRunner.copyTree(example, repo);
    app = repo.resolve(APP_PATH);
    Map<?, ?> service = (Map<?, ?>) load(Files.readString(app.resolve("service.yaml"))).get(0);
    for (Object e : (List<?>) ((Map<?, ?>) service.get("spec")).get("environments")) {
      environments.put(
          (String) ((Map<?, ?>) e).get("name"), (String) ((Map<?, ?>) e).get("namespace"));
    }
    Map<?, ?> plugin = (Map<?, ?>) load(Files.readString(project.resolve("plugin.yaml"))).get(0);
    List<?> command =
        (List<?>) ((Map<?, ?>) ((Map<?, ?>) plugin.get("spec")).get("generate")).get("command");
    argv = new ArrayList<>();
    for (Object word : command) {
      argv.add(
          "platform-render".equals(word) ? ProcessRunner.launcher().toString() : (String) word);
    }
  }

  private static List<Object> load(String text) {
    List<Object> docs = new ArrayList<>();
    new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(docs::add);
    return docs;
  }

  /**
   * The environment the repo-server sends for an Application of this service
   * (docs/argocd.md#environment-variables).
   */
  private Map<String, String> argoEnv(String env) {
    Map<String, String> e = ProcessRunner.baseEnv();
    e.put("PLATFORM_RENDER_CACHE_DIR", tmp.resolve("cache").toString());
    e.put("ARGOCD_APP_NAME", "audiobookshelf-" + env);
    e.put("ARGOCD_APP_NAMESPACE", environments.getOrDefault(env, ""));
    e.put("ARGOCD_APP_PROJECT_NAME", "product");
    e.put("ARGOCD_APP_REVISION", REVISION);
    e.put("ARGOCD_APP_REVISION_SHORT", REVISION.substring(0, 7));
    e.put("ARGOCD_APP_REVISION_SHORT_8", REVISION.substring(0, 8));
    e.put("ARGOCD_APP_SOURCE_REPO_URL", "https://git.example.com/platform/homelab.git");
    e.put("ARGOCD_APP_SOURCE_PATH", APP_PATH);
    e.put("ARGOCD_APP_SOURCE_TARGET_REVISION", "HEAD");
    e.put("KUBE_VERSION", "1.33.0");
    e.put("KUBE_API_VERSIONS", String.join(",", API_VERSIONS));
    return e;
  }

  private static Map<String, String> withParameter(Map<String, String> e, String env) {
    // Exactly what Go's json.Marshal gives: compact, keys sorted
    // (docs/argocd.md#how-argo-cd-passes-parameters).
    e.put("ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"" + env + "\"}]");
    e.put("PARAM_ENVIRONMENT", env);
    return e;
  }

  private static Map<String, String> withEnvEntry(Map<String, String> e, String env) {
    e.put("ARGOCD_APP_PARAMETERS", "null"); // a plugin section without parameters
    e.put("ARGOCD_ENV_ENVIRONMENT", env);
    return e;
  }

  private ProcessRunner.Result generate(Path cwd, Map<String, String> env) {
    return ProcessRunner.run(argv, cwd, env, 300);
  }

  /** Reads stdout as Argo CD does (KUBE SplitYAMLToString) and checks every object. */
  private static List<Map<?, ?>> parseLikeArgoCd(String stdout) {
    String text = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
    assertFalse(text.startsWith("["), "a JSON array is not accepted by Argo CD");
    List<Map<?, ?>> objects = new ArrayList<>();
    for (Object doc : load(text)) {
      if (doc == null) {
        continue; // empty documents and null are skipped
      }
      assertTrue(doc instanceof Map, "every document must be an object: " + doc);
      Map<?, ?> object = (Map<?, ?>) doc;
      assertTrue(object.get("kind") instanceof String, "every object needs a kind: " + object);
      assertTrue(
          object.get("apiVersion") instanceof String,
          "every object needs an apiVersion: " + object);
      Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
      assertTrue(
          metadata != null && metadata.get("name") instanceof String,
          "every object needs a name: " + object);
      objects.add(object);
    }
    return objects;
  }

  private static void assertFailure(ProcessRunner.Result r, String expectedInStderr) {
    assertNotEquals(0, r.code(), r.toString());
    assertEquals(
        "",
        r.out(),
        "stdout must be empty on failure (Argo CD discards it, a partial stream must not exist)");
    assertFalse(r.err().isBlank(), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains(expectedInStderr), r.toString());
  }

  @Test
  void everyEnvironmentRendersWithParametersEnvEntryAndBoth() {
    for (String env : environments.keySet()) {
      ProcessRunner.Result byParameter = generate(app, withParameter(argoEnv(env), env));
      assertEquals(0, byParameter.code(), env + ": " + byParameter);
      List<Map<?, ?>> objects = parseLikeArgoCd(byParameter.out());
      assertFalse(objects.isEmpty(), env);
      assertFalse(
          byParameter.out().contains(REVISION.substring(0, 7)),
          "the revision must not reach the output");
      for (Map<?, ?> object : objects) {
        Map<?, ?> labels = (Map<?, ?>) ((Map<?, ?>) object.get("metadata")).get("labels");
        assertFalse(
            labels != null && labels.containsKey("app.kubernetes.io/instance"),
            "Argo CD owns app.kubernetes.io/instance: " + object.get("kind"));
      }

      ProcessRunner.Result byEnvEntry = generate(app, withEnvEntry(argoEnv(env), env));
      assertEquals(0, byEnvEntry.code(), env + ": " + byEnvEntry);
      assertEquals(byParameter.out(), byEnvEntry.out(), env);

      // Both set, disagreeing: the parameter wins (docs/argocd.md#parameters).
      Map<String, String> both = withParameter(argoEnv(env), env);
      both.put("ARGOCD_ENV_ENVIRONMENT", env.equals("dev") ? "staging" : "dev");
      ProcessRunner.Result byBoth = generate(app, both);
      assertEquals(0, byBoth.code(), env + ": " + byBoth);
      assertEquals(byParameter.out(), byBoth.out(), env);

      // The same bytes as a local run with --env (Argo CD and a laptop agree).
      Map<String, String> local = ProcessRunner.baseEnv();
      local.put("PLATFORM_RENDER_CACHE_DIR", tmp.resolve("cache").toString());
      // A developer's checkout has a .git at its root; the copy has none, so name the root.
      List<String> localArgv = new ArrayList<>(argv);
      localArgv.add("--env");
      localArgv.add(env);
      localArgv.add("--repo-root");
      localArgv.add(repo.toString());
      ProcessRunner.Result byFlag = ProcessRunner.run(localArgv, app, local, 300);
      assertEquals(0, byFlag.code(), env + ": " + byFlag);
      assertEquals(byParameter.out(), byFlag.out(), env);
      rendered.put(env, byParameter.out());
    }
  }

  @Test
  void sixteenRendersAtOnce() {
    List<String> names = new ArrayList<>(environments.keySet());
    Map<String, String> expected = new LinkedHashMap<>();
    for (String env : names) {
      ProcessRunner.Result r = generate(app, withParameter(argoEnv(env), env));
      assertEquals(0, r.code(), env + ": " + r);
      expected.put(env, r.out());
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<ProcessRunner.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String env = names.get(i % names.size());
        runs.add(
            CompletableFuture.supplyAsync(
                () -> generate(app, withParameter(argoEnv(env), env)), pool));
      }
      for (int i = 0; i < 16; i++) {
        ProcessRunner.Result r = runs.get(i).join();
        String env = names.get(i % names.size());
        assertEquals(0, r.code(), env + ": " + r);
        assertEquals(expected.get(env), r.out(), env);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingEnvironment() {
    Map<String, String> e = argoEnv("dev");
    e.put("ARGOCD_APP_PARAMETERS", "null");
    assertFailure(generate(app, e), "no environment given");
  }

  @Test
  void unknownEnvironment() {
    assertFailure(generate(app, withParameter(argoEnv("qa"), "qa")), "qa");
  }

  @Test
  void invalidParameters() {
    Map<String, String> e = argoEnv("dev");
    e.put("ARGOCD_APP_PARAMETERS", "[{\"array\":[\"dev\"],\"name\":\"environment\"}]");
    assertFailure(generate(app, e), "must be a string");
  }

  @Test
  void badServiceYaml() throws IOException {
    Path broken = tmp.resolve("broken");
    ProcessRunner.copyTree(repo, broken);
    Path service = broken.resolve(APP_PATH).resolve("service.yaml");
    Files.writeString(
        service, Files.readString(service).replace("environments:", "environments: [") + "\n");
    assertFailure(
        generate(broken.resolve(APP_PATH), withParameter(argoEnv("dev"), "dev")), "service.yaml");
  }

  @Test
  void missingRolloutCrd() {
    String canary =
        environments.keySet().stream().filter(n -> n.equals("canary")).findFirst().orElse(null);
    Assumptions.assumeTrue(canary != null, "the example has no canary environment");
    Map<String, String> e = withParameter(argoEnv(canary), canary);
    e.put(
        "KUBE_API_VERSIONS",
        String.join(
            ",",
            API_VERSIONS.stream().filter(v -> !v.equals("argoproj.io/v1alpha1/Rollout")).toList()));
    assertFailure(generate(app, e), "rollout");
  }

  @Test
  void namespaceMismatch() {
    Map<String, String> e = withParameter(argoEnv("dev"), "dev");
    e.put("ARGOCD_APP_NAMESPACE", "somewhere-else");
    assertFailure(generate(app, e), "namespace");
  }

  @Test
  void emptyRender() throws IOException {
    Path empty = tmp.resolve("empty");
    ProcessRunner.copyTree(repo, empty);
    Path kustomization = empty.resolve(APP_PATH).resolve("environments/dev/kustomization.yaml");
    Files.writeString(
        kustomization,
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n");
    ProcessRunner.Result r =
        generate(empty.resolve(APP_PATH), withParameter(argoEnv("dev"), "dev"));
    assertFailure(r, "no objects");
  }

  @Test
  void wrongSourcePath() {
    Map<String, String> e = withParameter(argoEnv("dev"), "dev");
    e.put("ARGOCD_APP_SOURCE_PATH", "apps/audiobookshelf"); // not a suffix of the app directory
    assertFailure(generate(app, e), "argocd_app_source_path");
  }
}
