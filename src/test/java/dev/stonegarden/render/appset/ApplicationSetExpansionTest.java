package dev.stonegarden.render.appset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import dev.stonegarden.render.cli.Main;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.testing.UpstreamSchemas;
import dev.stonegarden.render.yaml.YamlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands every generated ApplicationSet the way the ApplicationSet controller does and renders
 * every resulting Application through the plugin the way Argo CD does (docs/appset.md):
 *
 * <ol>
 *   <li>for each list element, every string field of {@code spec.template} is executed as a Go
 *       template with the element ({@code missingkey=error}, {@link GoTemplateSubset}); then {@code
 *       templatePatch} is executed with the element, parsed as YAML and merged into the Application
 *       (maps merged key by key, everything else replaced: what a strategic merge patch does with
 *       the Application's fields, none of which has a merge key);
 *   <li>every object (AppProjects, ApplicationSets, expanded Applications) validates against the
 *       upstream Argo CD CRDs with unknown fields as errors;
 *   <li>each Application's plugin source runs plugin.yaml's {@code generate} argv in the
 *       Application's path with the environment the repo-server builds from the Application
 *       (parameters as {@code ARGOCD_APP_PARAMETERS}, destination namespace, source path and
 *       repository), and prints exactly what a local {@code generate --env} prints.
 * </ol>
 *
 * The repository is the example one plus a second service of team product outside any {@code
 * services/} folder: autoSync true and false, an environment with an HPA and ones without, a
 * cluster name platform.yaml does not map (a destination {@code name}) and one it does (a {@code
 * server}), a team with several services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationSetExpansionTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REPO_URL = "https://git.example.com/platform/homelab.git";

  @TempDir static Path tmp;
  Path repo;
  List<String> argv;
  String pluginName;
  ApplicationSetGenerator.Output output;
  final Map<String, ObjectNode> applications = new TreeMap<>();

  @BeforeAll
  void setUp() throws IOException {
    Path project = ProcessRunner.project();
    repo = tmp.resolve("repo");
    ProcessRunner.copyTree(project.resolve("examples"), repo);
    // A second service of team product, outside any services/ folder.
    Path podcasts = repo.resolve("kubernetes/podcasts");
    ProcessRunner.copyTree(repo.resolve("kubernetes/services/n8n"), podcasts);
    Files.writeString(
        podcasts.resolve("service.yaml"),
        Files.readString(podcasts.resolve("service.yaml"))
            .replace("name: n8n", "name: podcasts")
            .replace("namespace: n8n", "namespace: podcasts")
            .replace("team: platform", "team: product"));
    // Its base lies outside the service directory, shared the way platform teams share bases.
    Path sharedBase = repo.resolve("kubernetes/bases/podcasts");
    ProcessRunner.copyTree(podcasts.resolve("environments/base"), sharedBase);
    for (String env : List.of("dev", "staging", "production")) {
      Path k = podcasts.resolve("environments/" + env + "/kustomization.yaml");
      Files.writeString(k, Files.readString(k).replace("- ../base", "- ../../../bases/podcasts"));
    }
    try (var walk = Files.walk(podcasts.resolve("environments/base"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }

    Map<?, ?> plugin = (Map<?, ?>) load(Files.readString(project.resolve("plugin.yaml"))).get(0);
    Map<?, ?> spec = (Map<?, ?>) plugin.get("spec");
    pluginName = ((Map<?, ?>) plugin.get("metadata")).get("name") + "-" + spec.get("version");
    argv = new ArrayList<>();
    for (Object word : (List<?>) ((Map<?, ?>) spec.get("generate")).get("command")) {
      argv.add((String) word);
    }
    assertEquals("platform-render", argv.get(0));

    output =
        new ApplicationSetGenerator()
            .generate(ServiceFinder.find(repo.resolve("kubernetes")), repo, null, null);
    for (ApplicationSetGenerator.ServiceOutput s : output.services()) {
      for (ObjectNode app : expand(s.applicationSet())) {
        applications.put(app.at("/metadata/name").stringValue(), app);
      }
    }
  }

  // ---- the controller's expansion

  /** The Applications one ApplicationSet generates, in element order. */
  static List<ObjectNode> expand(ObjectNode applicationSet) {
    JsonNode spec = applicationSet.get("spec");
    assertTrue(spec.get("goTemplate").booleanValue());
    assertEquals("[\"missingkey=error\"]", spec.get("goTemplateOptions").toString());
    List<ObjectNode> apps = new ArrayList<>();
    for (JsonNode element : spec.at("/generators/0/list/elements")) {
      Map<String, Object> params = new LinkedHashMap<>();
      element.properties().forEach(e -> params.put(e.getKey(), e.getValue().stringValue()));
      ObjectNode template = (ObjectNode) render(spec.get("template").deepCopy(), params);
      String patchText = GoTemplateSubset.execute(spec.get("templatePatch").stringValue(), params);
      Object patch = load(patchText).get(0);
      merge(template, JSON.valueToTree(patch));
      ObjectNode app = JSON.createObjectNode();
      app.put("apiVersion", "argoproj.io/v1alpha1");
      app.put("kind", "Application");
      ObjectNode meta = (ObjectNode) template.get("metadata");
      meta.put("namespace", applicationSet.at("/metadata/namespace").stringValue());
      app.set("metadata", meta);
      app.set("spec", template.get("spec"));
      apps.add(app);
    }
    return apps;
  }

  /** Every string field executed as a template (fasttemplate's successor, render.go). */
  private static JsonNode render(JsonNode node, Map<String, Object> params) {
    if (node instanceof ObjectNode o) {
      for (String key : new ArrayList<>(o.propertyNames())) {
        o.set(key, render(o.get(key), params));
      }
      return o;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, render(a.get(i), params));
      }
      return a;
    }
    if (node.isString()) {
      return JSON.getNodeFactory().stringNode(GoTemplateSubset.execute(node.stringValue(), params));
    }
    return node;
  }

  private static void merge(ObjectNode target, JsonNode patch) {
    if (patch == null || patch.isNull()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode existing = target.get(e.getKey());
      if (existing instanceof ObjectNode t && e.getValue() instanceof ObjectNode) {
        merge(t, e.getValue());
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }

  private static List<Object> load(String text) {
    List<Object> docs = new ArrayList<>();
    new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(docs::add);
    return docs;
  }

  // ---- Argo CD's plugin contract

  record Run(int code, String out, String err) {}

  /**
   * Runs plugin.yaml's argv in the Application's path with the environment the repo-server sets.
   */
  private Run pluginRender(Path repository, ObjectNode app) {
    JsonNode source = app.at("/spec/source");
    assertEquals(pluginName, source.at("/plugin/name").stringValue());
    Map<String, String> env = new TreeMap<>();
    env.put("ARGOCD_APP_NAME", app.at("/metadata/name").stringValue());
    env.put("ARGOCD_APP_NAMESPACE", app.at("/spec/destination/namespace").stringValue());
    env.put("ARGOCD_APP_PROJECT_NAME", app.at("/spec/project").stringValue());
    env.put("ARGOCD_APP_REVISION", "0f3c9a7d5e2b41c8a6d9e0b7f1a2c3d4e5f60718");
    env.put("ARGOCD_APP_SOURCE_REPO_URL", source.get("repoURL").stringValue());
    env.put("ARGOCD_APP_SOURCE_PATH", source.get("path").stringValue());
    env.put("ARGOCD_APP_SOURCE_TARGET_REVISION", source.get("targetRevision").stringValue());
    // Go's json.Marshal of the parameters: compact, in field order (name, then the value).
    ArrayNode parameters = JSON.createArrayNode();
    for (JsonNode p : source.at("/plugin/parameters")) {
      ObjectNode o = parameters.addObject();
      o.put("name", p.get("name").stringValue());
      o.put("string", p.get("string").stringValue());
      env.put(
          "PARAM_" + p.get("name").stringValue().toUpperCase(java.util.Locale.ROOT),
          p.get("string").stringValue());
    }
    env.put("ARGOCD_APP_PARAMETERS", parameters.toString());
    Path cwd = repository.resolve(source.get("path").stringValue()).normalize();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            argv.subList(1, argv.size()).toArray(String[]::new),
            new Invocation(cwd, env, new PrintWriter(out), new PrintWriter(err)));
    return new Run(code, out.toString(), err.toString());
  }

  private Run local(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(args, new Invocation(repo, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(code, out.toString(), err.toString());
  }

  // ---- the tests

  @Test
  void everyExpandedApplicationRendersItsEnvironmentThroughThePluginAsGenerateDoes() {
    assertEquals(
        List.of(
            "audiobookshelf-canary",
            "audiobookshelf-dev",
            "audiobookshelf-production",
            "audiobookshelf-staging",
            "catalog-canary",
            "catalog-dev",
            "checkout-canary",
            "checkout-dev",
            "checkout-production",
            "checkout-staging",
            "gallery-canary",
            "gallery-dev",
            "ledger-canary",
            "ledger-dev",
            "n8n-dev",
            "n8n-production",
            "n8n-staging",
            "podcasts-dev",
            "podcasts-production",
            "podcasts-staging",
            "storefront-canary",
            "storefront-dev",
            "storefront-production"),
        List.copyOf(applications.keySet()));
    for (ObjectNode app : applications.values()) {
      String name = app.at("/metadata/name").stringValue();
      String environment = app.at("/spec/source/plugin/parameters/0/string").stringValue();
      Run plugin = pluginRender(repo, app);
      assertEquals(0, plugin.code(), name + ": " + plugin.err());
      Run local =
          local(
              "generate",
              "--env",
              environment,
              "--repo-root",
              repo.toString(),
              repo.resolve(app.at("/spec/source/path").stringValue()).toString());
      assertEquals(0, local.code(), name + ": " + local.err());
      assertFalse(plugin.out().isEmpty(), name);
      assertEquals(local.out(), plugin.out(), name + ": the plugin render differs from generate");
    }
  }

  @Test
  void everyObjectValidatesAgainstTheUpstreamCrds() {
    UpstreamSchemas schemas = UpstreamSchemas.require();
    List<String> problems = new ArrayList<>();
    List<ObjectNode> all = new ArrayList<>(output.documents());
    all.addAll(applications.values());
    for (ObjectNode o : all) {
      String kind = o.get("kind").stringValue();
      assertTrue(schemas.knows(o.get("apiVersion").stringValue(), kind), kind);
      for (String p : schemas.validate(o)) {
        problems.add(kind + " " + o.at("/metadata/name").stringValue() + ": " + p);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void automatedSyncExactlyWhereAutoSyncIsTrue() {
    JsonNode automated = applications.get("audiobookshelf-dev").at("/spec/syncPolicy/automated");
    assertEquals("{\"prune\":true,\"selfHeal\":true}", automated.toString());
    for (String manual :
        List.of("audiobookshelf-staging", "audiobookshelf-production", "n8n-staging")) {
      JsonNode sync = applications.get(manual).at("/spec/syncPolicy");
      assertNull(sync.get("automated"), manual);
      // The rest of the sync policy is the template's, untouched by the patch.
      assertEquals(
          "[\"CreateNamespace=true\",\"ServerSideApply=true\",\"RespectIgnoreDifferences=true\",\"PruneLast=true\"]",
          sync.get("syncOptions").toString(),
          manual);
      assertEquals(3, sync.at("/retry/limit").intValue(), manual);
    }
  }

  @Test
  void replicasAreIgnoredOnlyWhereAnHpaScalesThem() {
    assertEquals(
        "[{\"group\":\"argoproj.io\",\"kind\":\"Rollout\",\"name\":\"audiobookshelf\",\"jsonPointers\":[\"/spec/replicas\"]}]",
        applications.get("audiobookshelf-canary").at("/spec/ignoreDifferences").toString());
    for (String none : List.of("audiobookshelf-dev", "audiobookshelf-production", "n8n-dev")) {
      assertTrue(applications.get(none).at("/spec/ignoreDifferences").isMissingNode(), none);
    }
  }

  @Test
  void anUnknownClusterIsADestinationNameAndAKnownOneAServer() {
    JsonNode byName = applications.get("audiobookshelf-production").at("/spec/destination");
    assertEquals("{\"namespace\":\"audiobookshelf\",\"name\":\"homelab\"}", byName.toString());
    JsonNode byServer = applications.get("n8n-production").at("/spec/destination");
    assertEquals(
        "{\"namespace\":\"n8n\",\"server\":\"https://kubernetes.default.svc\"}",
        byServer.toString());
  }

  @Test
  void aTeamWithSeveralServicesGetsOneProjectWithAllTheirNamespaces() {
    Map<String, JsonNode> projects = new TreeMap<>();
    output.projects().forEach(p -> projects.put(p.name(), p.object()));
    assertEquals(List.of("commerce", "platform", "product"), List.copyOf(projects.keySet()));
    List<String> destinations = new ArrayList<>();
    for (JsonNode d : projects.get("product").at("/spec/destinations")) {
      destinations.add(
          (d.has("server") ? d.get("server").stringValue() : d.get("name").stringValue())
              + " "
              + d.get("namespace").stringValue());
    }
    // Sorted: clusters by name first, then by server URL; namespaces within each.
    assertEquals(
        List.of(
            "homelab audiobookshelf",
            "homelab audiobookshelf-canary",
            "homelab audiobookshelf-dev",
            "homelab audiobookshelf-staging",
            "https://kubernetes.default.svc podcasts",
            "https://kubernetes.default.svc podcasts-dev",
            "https://kubernetes.default.svc podcasts-staging",
            "https://kubernetes.default.svc storefront",
            "https://kubernetes.default.svc storefront-canary",
            "https://kubernetes.default.svc storefront-dev"),
        destinations);
    for (String app : List.of("audiobookshelf-dev", "podcasts-dev")) {
      assertEquals("product", applications.get(app).at("/spec/project").stringValue(), app);
    }
    assertEquals("platform", applications.get("n8n-dev").at("/spec/project").stringValue());
    assertEquals("[\"product\"]", projects.get("product").at("/spec/roles/0/groups").toString());
  }

  @Test
  void aServiceOutsideAServicesFolderIsFoundAndRendersFromItsOwnPath() {
    assertEquals(
        "kubernetes/podcasts",
        applications.get("podcasts-staging").at("/spec/source/path").stringValue());
  }

  @Test
  void manifestGeneratePathsNameWhatTheRenderReadAndNothingOfOtherEnvironments() {
    String dev =
        applications
            .get("audiobookshelf-dev")
            .at("/metadata/annotations/argocd.argoproj.io~1manifest-generate-paths")
            .stringValue();
    assertEquals("/kubernetes/platform.yaml;environments/base;environments/dev;service.yaml", dev);
    assertEquals(
        "/kubernetes/bases/podcasts;/kubernetes/platform.yaml;environments/staging;service.yaml",
        applications
            .get("podcasts-staging")
            .at("/metadata/annotations/argocd.argoproj.io~1manifest-generate-paths")
            .stringValue());
    String production =
        applications
            .get("audiobookshelf-production")
            .at("/metadata/annotations/argocd.argoproj.io~1manifest-generate-paths")
            .stringValue();
    assertTrue(production.contains("grafana/audiobookshelf.json"), production);
    assertTrue(production.contains("prometheus/audiobookshelf.yaml"), production);
    // Each listed path exists where Argo CD resolves it (absolute: from the repository root;
    // relative: from the Application's path).
    for (ObjectNode app : applications.values()) {
      Path sourcePath = repo.resolve(app.at("/spec/source/path").stringValue());
      for (String p :
          app.at("/metadata/annotations/argocd.argoproj.io~1manifest-generate-paths")
              .stringValue()
              .split(";")) {
        Path resolved = p.startsWith("/") ? repo.resolve(p.substring(1)) : sourcePath.resolve(p);
        assertTrue(Files.exists(resolved), app.at("/metadata/name") + ": " + p);
      }
    }
  }

  @Test
  void theBootstrapApplicationRendersWhatAppsetPrints() throws IOException {
    Path project = ProcessRunner.project();
    ObjectNode bootstrap =
        JSON.valueToTree(
            load(Files.readString(project.resolve("deploy/bootstrap/application.yaml"))).get(0));
    assertEquals(
        "[{\"name\":\"render\",\"string\":\"applicationsets\"}]",
        bootstrap.at("/spec/source/plugin/parameters").toString());
    assertTrue(UpstreamSchemas.require().validate(bootstrap).isEmpty());
    Run run = pluginRender(repo, bootstrap);
    assertEquals(0, run.code(), run.err());
    ApplicationSetGenerator.Output services =
        new ApplicationSetGenerator()
            .generate(
                ServiceFinder.find(repo.resolve(bootstrap.at("/spec/source/path").stringValue())),
                repo,
                null,
                null);
    assertEquals(YamlWriter.write(services.documents()).value(), run.out());
  }

  @Test
  void aBrokenServiceFailsTheWholeBootstrapRenderAndPrintsNothing() throws IOException {
    Path broken = tmp.resolve("broken");
    ProcessRunner.copyTree(ProcessRunner.project().resolve("examples"), broken);
    Path kustomization =
        broken.resolve("kubernetes/services/n8n/environments/staging/kustomization.yaml");
    Files.writeString(
        kustomization, Files.readString(kustomization) + "\nresources: [missing.yaml]\n");
    ObjectNode bootstrap =
        JSON.valueToTree(
            load(Files.readString(
                    ProcessRunner.project().resolve("deploy/bootstrap/application.yaml")))
                .get(0));
    Run run = pluginRender(broken, bootstrap);
    assertEquals(3, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("n8n/environments/staging/kustomization.yaml"), run.err());
  }

  @Test
  void theSeedsLayoutAfterAppsetWriteValidatesAndEveryEnvironmentRendersThroughThePlugin()
      throws IOException {
    Path seed = tmp.resolve("seed");
    ProcessRunner.copyTree(
        ProcessRunner.project().resolve("test-fixtures/generate/seed-layout/app"), seed);
    Run before = localIn(seed, "validate", "kubernetes", "--repo-root", ".");
    assertEquals(3, before.code(), before.err());
    assertTrue(before.err().contains("applicationset.yaml differs"), before.err());
    assertTrue(before.err().contains("points into environments/"), before.err());

    String url = "https://github.com/Tim275/talos-homelab";
    Run write =
        localIn(seed, "appset", "kubernetes", "--repo-root", ".", "--repo-url", url, "--write");
    assertEquals(0, write.code(), write.err());
    assertEquals("", write.out());
    assertEquals(
        "wrote kubernetes/services/kafka-demo/applicationset.yaml\n"
            + "wrote kubernetes/teams/platform/appproject.yaml\n",
        write.err());
    Run after = localIn(seed, "validate", "kubernetes", "--repo-root", ".");
    assertEquals(0, after.code(), after.err());

    Path written = seed.resolve("kubernetes/services/kafka-demo/applicationset.yaml");
    ObjectNode set = JSON.valueToTree(load(Files.readString(written)).get(0));
    List<ObjectNode> apps = expand(set);
    assertEquals(4, apps.size());
    for (ObjectNode app : apps) {
      assertEquals(url, app.at("/spec/source/repoURL").stringValue());
      Run plugin = pluginRender(seed, app);
      assertEquals(0, plugin.code(), plugin.err());
      Run local =
          localIn(
              seed,
              "generate",
              "--env",
              app.at("/spec/source/plugin/parameters/0/string").stringValue(),
              "--repo-root",
              ".",
              app.at("/spec/source/path").stringValue());
      assertEquals(local.out(), plugin.out(), app.at("/metadata/name").stringValue());
    }
  }

  private static Run localIn(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(args, new Invocation(cwd, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(code, out.toString(), err.toString());
  }

  /** What Kargo's Stage needs (issue 14 plugs in here): an annotation per environment. */
  record AuthorizedStage() implements ApplicationExtension {
    @Override
    public Map<String, String> annotations(RenderedEnvironment e) {
      return Map.of("kargo.akuity.io/authorized-stage", e.project() + ":" + e.environment().name());
    }

    @Override
    public List<IgnoreDifference> ignoreDifferences(RenderedEnvironment e) {
      // A router's weights, for environments that render a Rollout (as issue 11 would add).
      boolean rollout = e.resources().stream().anyMatch(r -> r.kind().equals("Rollout"));
      return rollout
          ? List.of(
              new IgnoreDifference(
                  "gateway.networking.k8s.io",
                  "HTTPRoute",
                  null,
                  List.of(),
                  List.of(".spec.rules[].backendRefs[].weight")))
          : List.of();
    }
  }

  @Test
  void extensionsAddPerEnvironmentAnnotationsAndIgnoreDifferences() {
    ApplicationSetGenerator.Output extended =
        new ApplicationSetGenerator(List.of(new HpaScaledReplicas(), new AuthorizedStage()))
            .generate(
                ServiceFinder.find(repo.resolve("kubernetes/services/audiobookshelf")),
                repo,
                null,
                null);
    Map<String, ObjectNode> apps = new TreeMap<>();
    for (ObjectNode app : expand(extended.services().get(0).applicationSet())) {
      apps.put(app.at("/metadata/name").stringValue(), app);
    }
    UpstreamSchemas schemas = UpstreamSchemas.require();
    for (ObjectNode app : apps.values()) {
      assertEquals(List.of(), schemas.validate(app), app.at("/metadata/name").stringValue());
      // The template's own annotations stay; the extension's are merged in.
      assertTrue(
          app.at("/metadata/annotations/argocd.argoproj.io~1manifest-generate-paths").isString());
    }
    assertEquals(
        "product:staging",
        apps.get("audiobookshelf-staging")
            .at("/metadata/annotations/kargo.akuity.io~1authorized-stage")
            .stringValue());
    assertEquals(
        "[{\"group\":\"argoproj.io\",\"kind\":\"Rollout\",\"name\":\"audiobookshelf\",\"jsonPointers\":[\"/spec/replicas\"]},"
            + "{\"group\":\"gateway.networking.k8s.io\",\"kind\":\"HTTPRoute\",\"jqPathExpressions\":[\".spec.rules[].backendRefs[].weight\"]}]",
        apps.get("audiobookshelf-canary").at("/spec/ignoreDifferences").toString());
    assertTrue(apps.get("audiobookshelf-dev").at("/spec/ignoreDifferences").isMissingNode());
    // Without any extension annotation, the element has no annotations key and the patch none.
    assertFalse(
        output.services().get(0).applicationSet().toString().contains("\"annotations\":\"{"));
  }

  @Test
  void twoServicesWithOneNameAreAnError() throws IOException {
    Path dup = tmp.resolve("dup");
    ProcessRunner.copyTree(ProcessRunner.project().resolve("examples"), dup);
    ProcessRunner.copyTree(
        dup.resolve("kubernetes/services/n8n"), dup.resolve("kubernetes/twin/n8n"));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new ApplicationSetGenerator()
                    .generate(ServiceFinder.find(dup.resolve("kubernetes")), dup, null, null));
    assertTrue(
        e.diagnostics().stream()
            .anyMatch(d -> d.message().contains("service name n8n is also used")),
        e.diagnostics().toString());
  }
}
