package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate [DIR or ROOT]} run in process: all problems of all services on stderr, nothing on
 * stdout.
 */
class ValidateCommandTest {
  static final Path FIXTURES =
      Path.of(System.getProperty("fixtures.dir", "test-fixtures")).resolve("schema");

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {
    List<String> diagnosticLines() {
      return err.lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList();
    }
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(tmp, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  private Path service(String dir, String fixture) throws IOException {
    Path target = tmp.resolve(dir).resolve("service.yaml");
    Files.createDirectories(target.getParent());
    Files.copy(FIXTURES.resolve(fixture), target);
    // A real overlay for every stage: a Deployment and a Service in base, each stage on top of it.
    Path envs = target.getParent().resolve("environments");
    Files.createDirectories(envs.resolve("base"));
    Files.writeString(envs.resolve("base/kustomization.yaml"), "resources: [app.yaml]\n");
    Files.writeString(envs.resolve("base/app.yaml"), APP);
    // The monitoring files service-full.yaml names.
    Files.createDirectories(target.getParent().resolve("grafana"));
    Files.writeString(
        target.getParent().resolve("grafana/checkout.json"), "{\"title\": \"checkout\"}\n");
    Files.createDirectories(target.getParent().resolve("prometheus"));
    Files.writeString(
        target.getParent().resolve("prometheus/checkout.yaml"),
        "groups:\n  - name: checkout\n    rules: []\n");
    for (String env : List.of("dev", "staging", "canary", "production")) {
      Files.createDirectories(envs.resolve(env));
      Files.writeString(envs.resolve(env).resolve("kustomization.yaml"), "resources: [../base]\n");
    }
    return target;
  }

  static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: app
      spec:
        selector:
          matchLabels: {app: app}
        template:
          metadata:
            labels: {app: app}
          spec:
            containers:
              - name: app
                image: example.org/app:1.0
                ports: [{containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: app
      spec:
        selector: {app: app}
        ports: [{port: 80, targetPort: 8080}]
      """;

  private void write(String path, String text) throws IOException {
    Path p = tmp.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void threeMistakesThreeDiagnostics() throws IOException {
    service("hello", "invalid/service-three-mistakes.yaml");
    Run r = run("validate", "hello");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "hello/service.yaml:4:9: error: metadata.name must be a DNS-1123 label (lower-case letters, digits and '-',"
                + " starting and ending with a letter or digit), found \"Hello_World\"",
            "hello/service.yaml:11:17: error: spec.environments[0].autoSync must be true or false, found \"yes please\"",
            "hello/service.yaml:17:24: error: spec.environments[1].rollout.steps[0].setWeight must be at most 100, found 150"),
        r.diagnosticLines());
  }

  @Test
  void everyServiceBelowARootInPathOrder() throws IOException {
    service("services/b-broken", "invalid/service-threshold-ratio.yaml");
    service("services/a-fine", "valid/service-full.yaml");
    service("services/c-broken", "invalid/service-availability.yaml");
    // A Kubernetes Service named service.yaml inside a service directory is not a service
    // definition.
    write(
        "services/a-fine/environments/base/service.yaml",
        "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n");
    // Nor is one elsewhere in the tree, and nothing under .git is looked at.
    write("platform/core/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n");
    write(".git/service.yaml", "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Service\n");
    Run r = run("validate");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    List<String> lines = r.diagnosticLines();
    assertEquals(7, lines.size(), r.err());
    assertTrue(
        lines
            .get(0)
            .startsWith("services/a-fine/service.yaml:17:5: warning: unknown key \"pager\""),
        lines.get(0));
    // The fixture's 1-replica canaries cannot approximate their weights (docs/canary.md).
    assertTrue(
        lines.get(1).startsWith("services/a-fine/service.yaml:30:13: warning: Rollout/app runs 1"),
        lines.get(1));
    assertTrue(
        lines.get(2).startsWith("services/a-fine/service.yaml:46:26: warning: the canary gate"),
        lines.get(2));
    assertTrue(
        lines.get(3).startsWith("services/a-fine/service.yaml:40:13: warning: Rollout/app runs 1"),
        lines.get(3));
    assertTrue(
        lines
            .get(4)
            .startsWith(
                "services/b-broken/service.yaml:18:26: error: threshold is a percentage, e.g. 95"),
        lines.get(4));
    assertTrue(
        lines
            .get(5)
            .startsWith("services/c-broken/service.yaml:12:19: error: spec.sla.availability"),
        lines.get(5));
    assertTrue(
        lines.get(6).startsWith("services/c-broken/service.yaml:13:14: error: spec.sla.latency"),
        lines.get(6));
  }

  @Test
  void warningsAloneExitZero() throws IOException {
    service("shop", "valid/service-full.yaml");
    service("hello", "valid/service-minimal.yaml");
    Run r = run("validate", ".");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(4, r.diagnosticLines().size(), r.err());
    assertTrue(r.diagnosticLines().get(0).startsWith("shop/service.yaml:17:5: warning: "), r.err());
    assertTrue(
        r.diagnosticLines().get(2).startsWith("shop/service.yaml:46:26: warning: the canary gate"),
        r.err());
    // Success says what was checked, last.
    assertEquals(
        "2 services, 5 environments: ok, 4 warnings", r.err().lines().reduce((a, b) -> b).get());
  }

  @Test
  void successSaysWhatWasChecked() throws IOException {
    service("hello", "valid/service-minimal.yaml");
    Run r = run("validate");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals("1 service, 1 environment: ok\n", r.err());
    assertEquals("3 services, 10 environments: ok, 1 warning", ValidateCommand.summary(3, 10, 1));
  }

  @Test
  void platformYamlOfTheRepositoryApplies() throws IOException {
    Files.createDirectories(tmp.resolve(".git"));
    service("kubernetes/services/hello", "valid/service-minimal.yaml");
    write(
        "kubernetes/platform.yaml",
        "apiVersion: platform.stonegarden.dev/v1alpha1\nkind: Platform\nspec:\n  pipeline: [test, prod]\n");
    Run r = run("validate", "kubernetes/services");
    assertEquals(3, r.exit());
    assertEquals(
        List.of(
            "kubernetes/services/hello/service.yaml:9:13: error: environment \"dev\" is not a stage of the"
                + " platform pipeline (platform.yaml spec.pipeline: test, prod)"),
        r.diagnosticLines());
  }

  @Test
  void invalidPlatformYamlIsReported() throws IOException {
    Files.createDirectories(tmp.resolve(".git"));
    service("services/hello", "valid/service-minimal.yaml");
    Files.copy(FIXTURES.resolve("invalid/platform-mistakes.yaml"), tmp.resolve("platform.yaml"));
    Run r = run("validate", "services");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertTrue(
        r.diagnosticLines()
            .get(0)
            .startsWith("platform.yaml:4:28: error: duplicate pipeline stage \"dev\""),
        r.err());
  }

  @Test
  void everyEnvironmentIsRendered() throws IOException {
    service("shop", "valid/service-full.yaml");
    deleteTree(tmp.resolve("shop/environments/staging"));
    Files.copy(
        FIXTURES.resolve("invalid/values-mistakes.yaml"),
        tmp.resolve("shop/environments/production/values.yaml"));
    write("shop/environments/dev/values.yaml", "# nothing changes in dev yet\n");
    Run r = run("validate", "shop");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    List<String> lines = r.diagnosticLines();
    assertTrue(
        lines.get(0).startsWith("shop/service.yaml:17:5: warning: unknown key \"pager\""), r.err());
    assertTrue(
        lines.stream()
            .anyMatch(
                l -> l.startsWith("shop/service.yaml:23:13: error: ") && l.contains("staging")),
        r.err());
    assertTrue(
        lines.contains(
            "shop/environments/production/values.yaml:2:8: error: image.tag must be a string, found 2.28 (unquoted, YAML reads it as a number: put it in quotes)"),
        r.err());
  }

  @Test
  void typosInRenderedObjectsAreWarningsOnceAtTheirSourceLine() throws IOException {
    service("hello", "valid/service-minimal.yaml");
    write(
        "hello/environments/base/app.yaml",
        APP.replace(
            "image: example.org/app:1.0",
            "image: example.org/app:1.0\n          imagePullPolcy: Always"));
    service("shop", "valid/service-full.yaml");
    write("shop/environments/base/app.yaml", APP.replace("targetPort: 8080", "targetport: 8080"));
    Run r = run("validate");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "hello/environments/base/app.yaml:15:11: warning: unknown field spec.template.spec.containers[0].imagePullPolcy"
                + " in Deployment app (not a field of apps/v1 Deployment); did you mean \"imagePullPolicy\"?",
            "shop/service.yaml:17:5: warning: unknown key \"pager\" in spec.owner is ignored",
            "shop/environments/base/app.yaml:23:22: warning: unknown field spec.ports[0].targetport in Service app"
                + " (not a field of v1 Service); did you mean \"targetPort\"?",
            // The platform stage's own warnings: the fixture's 1-replica canaries cannot
            // approximate their weights (docs/canary.md), and its canary gate is looser than its
            // SLO (docs/rendering.md#analysis-templates).
            "shop/service.yaml:30:13: warning: Rollout/app runs 1 replica without a traffic router, so a step's weight is"
                + " a share of pods: setWeight 20 runs 1 canary pod beside 1 stable (50%); setWeight 60 runs 1 canary pod"
                + " beside 1 stable (50%); with 4 replicas every step is within 5 points of its weight (or route"
                + " traffic: a router sets the weight exactly)",
            "shop/service.yaml:46:26: warning: the canary gate success-rate >= 99.5% is looser than the SLO availability 99.95%:"
                + " a canary at 0.5% errors burns the error budget 10x faster than sustainable and still passes",
            "shop/service.yaml:40:13: warning: Rollout/app runs 1 replica without a traffic router, so a step's weight is"
                + " a share of pods: setWeight 5 runs 1 canary pod beside 1 stable (50%); with 9 replicas every step is"
                + " within 5 points of its weight (or route traffic: a router sets the weight exactly)"),
        r.diagnosticLines());
  }

  @Test
  void theExampleRepositoryValidates() {
    Path examples = Path.of(System.getProperty("project.dir", ".")).resolve("examples");
    assertTrue(Files.isDirectory(examples.resolve("kubernetes")), "no examples/");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            new String[] {"validate", "kubernetes"},
            new Invocation(examples, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    assertEquals(0, exit, err.toString());
    assertEquals("", out.toString());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void theServiceFileItself() throws IOException {
    service("hello", "invalid/service-threshold-ratio.yaml");
    Run r = run("validate", "hello/service.yaml");
    assertEquals(3, r.exit());
    assertEquals(1, r.diagnosticLines().size(), r.err());
    assertTrue(
        r.diagnosticLines()
            .get(0)
            .startsWith("hello/service.yaml:18:26: error: threshold is a percentage"),
        r.err());
  }

  @Test
  void noServiceIsAnError() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    Run r = run("validate", "empty");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("empty: error: no service.yaml"), r.err());
  }
}
