package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline order check of {@code validate}: a stage that runs a newer semantic version than the
 * stage before it ever ran is a warning naming both places, an error with {@code --strict-order}.
 */
class PipelineOrderTest {
  @TempDir Path tmp;
  Path svc;

  record Run(int exit, String out, String err) {
    List<String> diagnostics() {
      return err.lines().filter(l -> l.contains(": warning: ") || l.contains(": error: ")).toList();
    }
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(tmp, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeEach
  void service() throws IOException {
    svc = tmp.resolve("svc");
    Files.createDirectories(svc.resolve("environments/base"));
    Files.writeString(
        svc.resolve("service.yaml"),
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: svc}
        spec:
          owner: {team: t}
          environments:
            - {name: production, namespace: svc}
            - {name: dev, namespace: svc-dev}
            - {name: staging, namespace: svc-staging}
        """);
    Files.writeString(
        svc.resolve("environments/base/kustomization.yaml"), "resources: [app.yaml]\n");
    Files.writeString(svc.resolve("environments/base/app.yaml"), ValidateCommandTest.APP);
    for (String env : List.of("dev", "staging", "production")) {
      Files.createDirectories(svc.resolve("environments").resolve(env));
      Files.writeString(
          svc.resolve("environments").resolve(env).resolve("kustomization.yaml"),
          "resources: [../base]\n");
    }
  }

  void tag(String env, String tag) throws IOException {
    Files.writeString(
        svc.resolve("environments").resolve(env).resolve("values.yaml"),
        "# " + env + "\nimage:\n  tag: \"" + tag + "\"\n");
  }

  @Test
  void aStageAheadOfTheOneBeforeItIsAWarningNamingBothFiles() throws IOException {
    // Pipeline order, not list order: dev → staging → production.
    tag("dev", "1.3.0");
    tag("staging", "1.1.0");
    tag("production", "1.2.0");
    Run r = run("validate", "svc");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "svc/environments/production/values.yaml:3:8: warning: production runs"
                + " example.org/app:1.2.0 (app), newer than anything staging runs (1.1.0, set at"
                + " environments/staging/values.yaml:3:8): staging never ran it; promote it through"
                + " staging first"),
        r.diagnostics());

    Run strict = run("validate", "--strict-order", "svc");
    assertEquals(3, strict.exit());
    assertEquals(
        List.of(r.diagnostics().get(0).replace(": warning: ", ": error: ")), strict.diagnostics());
  }

  @Test
  void olderOrEqualVersionsAndTagsThatAreNotSemanticVersionsPass() throws IOException {
    tag("dev", "1.3.0");
    tag("staging", "1.3.0");
    tag("production", "1.0.0"); // behind: the normal state of a pipeline
    assertEquals(List.of(), run("validate", "--strict-order", "svc").diagnostics());
    tag("staging", "latest");
    tag("production", "2.0.0"); // staging's tag is not ordered: nothing to compare with
    assertEquals(List.of(), run("validate", "--strict-order", "svc").diagnostics());
  }

  @Test
  void theOverlaysTagIsWhereAStageWithoutValuesSetsIt() throws IOException {
    // staging has no values.yaml: it runs the base's example.org/app:1.0.
    tag("dev", "1.3.0");
    tag("production", "1.0.1");
    Run r = run("validate", "svc");
    // 1.0 is not a semantic version: production is not compared with it.
    assertEquals(List.of(), r.diagnostics());
    Files.writeString(
        svc.resolve("environments/base/app.yaml"),
        ValidateCommandTest.APP.replace("example.org/app:1.0", "example.org/app:1.0.0"));
    Run again = run("validate", "svc");
    assertEquals(
        List.of(
            "svc/environments/production/values.yaml:3:8: warning: production runs"
                + " example.org/app:1.0.1 (app), newer than anything staging runs (1.0.0, set at"
                + " environments/base/app.yaml:1:1): staging never ran it; promote it through"
                + " staging first"),
        again.diagnostics());
  }
}
