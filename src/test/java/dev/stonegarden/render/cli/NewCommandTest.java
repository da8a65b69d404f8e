package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new}: the scaffold renders every environment and validates with no warning at all, for the
 * example platform, the default one and a pipeline without canary; bad names and existing
 * directories are refused.
 */
class NewCommandTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  Run run(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(cwd, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  /** Renders every stage and validates; each must succeed with nothing on stderr. */
  void rendersCleanly(Path root, String name, List<String> stages) {
    Path dir = root.resolve("services").resolve(name);
    for (String stage : stages) {
      Run g = run(tmp, "generate", "--env", stage, dir.toString());
      assertEquals(0, g.exit(), stage + ": " + g.err());
      assertEquals("", g.err(), stage);
      assertTrue(g.out().contains("kind: Deployment") || g.out().contains("kind: Rollout"));
    }
    Run v = run(tmp, "validate", dir.toString());
    assertEquals(0, v.exit(), v.err());
    // No warning: validate's one line says what it checked, and nothing else.
    assertEquals("1 service, " + stages.size() + " environments: ok\n", v.err());
  }

  @Test
  void scaffoldsTheExamplePipelineWithACanary() throws IOException {
    Path root = tmp.resolve("kubernetes");
    copy(EXAMPLE, root);
    Run r = run(tmp, "new", "payments", "--team", "payments", "kubernetes");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        """
        kubernetes/services/payments/service.yaml
        kubernetes/services/payments/environments/base/kustomization.yaml
        kubernetes/services/payments/environments/base/deployment.yaml
        kubernetes/services/payments/environments/base/service.yaml
        kubernetes/services/payments/environments/base/hpa.yaml
        kubernetes/services/payments/environments/dev/kustomization.yaml
        kubernetes/services/payments/environments/dev/values.yaml
        kubernetes/services/payments/environments/staging/kustomization.yaml
        kubernetes/services/payments/environments/staging/values.yaml
        kubernetes/services/payments/environments/canary/kustomization.yaml
        kubernetes/services/payments/environments/canary/values.yaml
        kubernetes/services/payments/environments/production/kustomization.yaml
        kubernetes/services/payments/environments/production/values.yaml
        """,
        r.out());
    Path dir = root.resolve("services/payments");
    assertEquals(
        """
        # yaml-language-server: $schema=https://platform.stonegarden.dev/schemas/service-v1alpha1.json
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata:
          name: payments
        spec:
          owner:
            team: payments
          environments:
            - name: dev
              namespace: payments-dev
              autoSync: true
            - name: staging
              namespace: payments-staging
            - name: canary
              namespace: payments-canary
              rollout:
                strategy: canary
                steps:
                  - setWeight: 20
                  - pause: {duration: 5m}
                  - setWeight: 50
                  - pause: {duration: 5m}
                  - setWeight: 100
                analysis:
                  metrics:
                    - name: success-rate
                      threshold: 99
            - name: production
              namespace: payments
        """,
        Files.readString(dir.resolve("service.yaml")));
    assertEquals(
        """
        # yaml-language-server: $schema=https://platform.stonegarden.dev/schemas/values-v1alpha1.json
        # Changed by `platform-render promote . --to staging` (from dev).
        image:
          tag: "0.1.0"
        """,
        Files.readString(dir.resolve("environments/staging/values.yaml")));
    rendersCleanly(root, "payments", List.of("dev", "staging", "canary", "production"));
    // The whole example still validates with the new service in it, and promote works on it.
    Run p = run(tmp, "promote", "kubernetes/services/payments", "--to", "staging");
    assertEquals(0, p.exit(), p.err());
    assertEquals(
        "note: payments: staging already runs what dev runs; nothing to change\n", p.err());
  }

  @Test
  void theImageAndTheDefaultPlatformAndTheNearestRoot() throws IOException {
    // No platform.yaml: the default pipeline. Run from inside services/, ROOT left out.
    Path root = tmp.resolve("platform");
    Files.createDirectories(root.resolve("services"));
    Run r =
        run(
            root.resolve("services"),
            "new",
            "api",
            "--team",
            "core",
            "--image",
            "ghcr.io/acme/api:2.3.4");
    assertEquals(0, r.exit(), r.err());
    Path dir = root.resolve("services/api");
    assertTrue(
        Files.readString(dir.resolve("environments/base/deployment.yaml"))
            .contains("image: ghcr.io/acme/api:2.3.4"));
    assertTrue(
        Files.readString(dir.resolve("environments/production/values.yaml"))
            .contains("tag: \"2.3.4\""));
    rendersCleanly(root, "api", List.of("dev", "staging", "canary", "production"));
  }

  @Test
  void aPipelineWithoutCanaryGetsNoRollout() throws IOException {
    Path root = tmp.resolve("p");
    Files.createDirectories(root);
    Files.writeString(
        root.resolve("platform.yaml"),
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Platform
        metadata: {name: small}
        spec:
          pipeline: [test, prod]
        """);
    Run r = run(tmp, "new", "web", "--team", "web", "p");
    assertEquals(0, r.exit(), r.err());
    String service = Files.readString(root.resolve("services/web/service.yaml"));
    assertFalse(service.contains("rollout"), service);
    assertTrue(service.contains("    - name: prod\n      namespace: web\n"), service);
    rendersCleanly(root, "web", List.of("test", "prod"));
  }

  @Test
  void refusesExistingDirectoriesAndBadNames() throws IOException {
    Path root = tmp.resolve("kubernetes");
    copy(EXAMPLE, root);
    Run exists = run(tmp, "new", "n8n", "--team", "platform", "kubernetes");
    assertEquals(3, exists.exit());
    assertEquals(
        "kubernetes/services/n8n: error: already exists: new never overwrites a service; pick"
            + " another name\n",
        exists.err());
    for (String[] bad :
        List.of(
            new String[] {"Payments", "--team", "t"},
            new String[] {"pay_ments", "--team", "t"},
            new String[] {"-x", "--team", "t"},
            new String[] {"a".repeat(64), "--team", "t"},
            new String[] {"payments", "--team", "Team"},
            new String[] {"payments", "--team", "t", "--image", "nginx"})) {
      String[] args =
          Stream.concat(Stream.of("new"), Stream.concat(Stream.of(bad), Stream.of("kubernetes")))
              .toArray(String[]::new);
      Run r = run(tmp, args);
      assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
      assertFalse(Files.exists(root.resolve("services/payments")));
    }
    // A name that fits 63 characters but whose stage namespaces do not.
    Run tooLong = run(tmp, "new", "a".repeat(60), "--team", "t", "kubernetes");
    assertEquals(2, tooLong.exit());
    assertTrue(
        tooLong.err().contains("NAME is too long: the namespace of stage dev"), tooLong.err());
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
