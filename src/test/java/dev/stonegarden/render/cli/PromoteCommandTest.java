package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promote} run in process on a copy of the example repository: what it prints, what it
 * writes (only tag values), each refusal (exit 3, nothing written), {@code --dry-run}, {@code
 * --all} all or nothing, modes kept, and a rollback to a git revision.
 */
class PromoteCommandTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("project.dir", "."), "examples", "kubernetes");

  @TempDir Path tmp;
  Path repo;
  Path abs;
  Path n8n;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void copyExample() throws IOException {
    repo = tmp.resolve("kubernetes");
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path f : files.toList()) {
        Path target = repo.resolve(EXAMPLE.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    abs = repo.resolve("services/audiobookshelf");
    n8n = repo.resolve("services/n8n");
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(tmp, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new Run(exit, out.toString(), err.toString());
  }

  String values(Path service, String env) throws IOException {
    return Files.readString(
        service.resolve("environments").resolve(env).resolve("values.yaml"),
        StandardCharsets.UTF_8);
  }

  Map<String, String> snapshot() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.put(repo.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all;
  }

  @Test
  void promotesTheStageBeforeChangingOnlyTheTag() throws IOException {
    String before = values(abs, "staging");
    Run r = run("promote", "kubernetes/services/audiobookshelf", "--to", "staging");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        """
        kubernetes/services/audiobookshelf/environments/staging/values.yaml \
        (audiobookshelf: dev → staging)
          audiobookshelf: 2.17.7 → 2.18.0
        """,
        r.out());
    assertEquals(before.replace("\"2.17.7\"", "\"2.18.0\""), values(abs, "staging"));
    // The service still renders, with the new image.
    Run g = run("generate", "--env", "staging", "kubernetes/services/audiobookshelf");
    assertEquals(0, g.exit(), g.err());
    assertTrue(g.out().contains("image: ghcr.io/advplyr/audiobookshelf:2.18.0"), g.out());
  }

  @Test
  void refusesToSkipStagesUnlessForced() throws IOException {
    Map<String, String> before = snapshot();
    Run r =
        run("promote", "kubernetes/services/audiobookshelf", "--to", "production", "--from", "dev");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertTrue(
        r.err()
            .startsWith(
                "kubernetes/services/audiobookshelf/service.yaml:42:13: error: promoting dev →"
                    + " production skips staging, canary (dev → staging → canary → production):"
                    + " promote through each stage, or pass --force"),
        r.err());
    assertEquals(before, snapshot());

    Run forced =
        run(
            "promote",
            "kubernetes/services/audiobookshelf",
            "--to",
            "production",
            "--from",
            "dev",
            "--force");
    assertEquals(0, forced.exit(), forced.err());
    assertTrue(values(abs, "production").contains("tag: \"2.18.0\""));
  }

  @Test
  void refusesBackwardsAndTheFirstStage() throws IOException {
    Map<String, String> before = snapshot();
    Run back =
        run("promote", "kubernetes/services/audiobookshelf", "--to", "staging", "--from", "canary");
    assertEquals(3, back.exit());
    assertTrue(
        back.err().contains("error: canary comes after staging in the pipeline"), back.err());
    Run first = run("promote", "kubernetes/services/audiobookshelf", "--to", "dev");
    assertEquals(3, first.exit());
    assertTrue(first.err().contains("dev is the first stage of audiobookshelf's pipeline"));
    Run unknown = run("promote", "kubernetes/services/n8n", "--to", "canary");
    assertEquals(3, unknown.exit());
    assertTrue(
        unknown.err().contains("n8n has no environment canary: service.yaml lists dev, staging,"));
    assertEquals(before, snapshot());
  }

  @Test
  void refusesWhenTheSourceHasNoTag() throws IOException {
    // dev runs the base image with its tag removed: nothing to promote.
    Path deployment = abs.resolve("environments/base/deployment.yaml");
    Files.writeString(
        deployment,
        Files.readString(deployment)
            .replace("ghcr.io/advplyr/audiobookshelf:2.17.5", "ghcr.io/advplyr/audiobookshelf"));
    Files.delete(abs.resolve("environments/dev/values.yaml"));
    Map<String, String> before = snapshot();
    Run r = run("promote", "kubernetes/services/audiobookshelf", "--to", "staging");
    assertEquals(3, r.exit());
    assertTrue(
        r.err()
            .contains(
                "error: dev has no tag to promote: audiobookshelf runs"
                    + " ghcr.io/advplyr/audiobookshelf (no tag, no digest)"),
        r.err());
    assertEquals(before, snapshot());
  }

  @Test
  void dryRunPrintsTheSameAndWritesNothing() throws IOException {
    Map<String, String> before = snapshot();
    Run dry = run("promote", "kubernetes/services/audiobookshelf", "--to", "staging", "--dry-run");
    assertEquals(0, dry.exit());
    assertEquals("note: --dry-run: nothing written\n", dry.err());
    assertEquals(before, snapshot());
    Run real = run("promote", "kubernetes/services/audiobookshelf", "--to", "staging");
    assertEquals(dry.out(), real.out());
  }

  @Test
  void alreadyEqualIsANoteAndExitZero() throws IOException {
    Map<String, String> before = snapshot();
    Run r = run("promote", "kubernetes/services/audiobookshelf", "--to", "canary");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(
        "note: audiobookshelf: canary already runs what staging runs; nothing to change\n",
        r.err());
    assertEquals(before, snapshot());
  }

  @Test
  void markdownIsAPullRequestBody() {
    Run r = run("promote", "kubernetes/services/n8n", "--to", "staging", "--format", "markdown");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        """
        ## Promote n8n: dev → staging

        | workload | staging now | staging after |
        | --- | --- | --- |
        | `n8n` | `1.80.0` | `1.81.0` |
        | `n8n-worker` | `1.80.0` | `1.81.0` |

        Files (only image tags change):

        - `kubernetes/services/n8n/environments/staging/values.yaml` (new)

        Each changed stage was rendered and checked by `platform-render promote` before this\
         change was written.
        """,
        r.out());
  }

  @Test
  void createsTheFileWithTheOverlaysModeAndKeepsAnExistingMode() throws IOException {
    Path staging = n8n.resolve("environments/staging");
    Files.setPosixFilePermissions(
        staging.resolve("kustomization.yaml"), PosixFilePermissions.fromString("rw-r-----"));
    Path prod = abs.resolve("environments/staging/values.yaml");
    Files.setPosixFilePermissions(prod, PosixFilePermissions.fromString("rw-rw-r--"));
    assertEquals(0, run("promote", "kubernetes/services/n8n", "--to", "staging").exit());
    assertEquals("image:\n  tag: \"1.81.0\"\n", values(n8n, "staging"));
    assertEquals(
        "rw-r-----",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(staging.resolve("values.yaml"))));
    assertEquals(0, run("promote", "kubernetes/services/audiobookshelf", "--to", "staging").exit());
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(prod)));
    try (Stream<Path> left = Files.list(staging)) {
      assertEquals(
          List.of("kustomization.yaml", "values.yaml"),
          left.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file left behind");
    }
  }

  @Test
  void perWorkloadTagsGetTheirOwnEntries() throws IOException {
    // dev runs the worker on its own version: staging needs a workloads entry for it.
    Files.writeString(
        n8n.resolve("environments/dev/values.yaml"),
        "image:\n  tag: \"1.81.0\"\nworkloads:\n  n8n-worker:\n    image: {tag: \"1.81.2\"}\n");
    Run r = run("promote", "kubernetes/services/n8n", "--to", "staging");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        """
        image:
          tag: "1.81.0"
        workloads:
          n8n-worker:
            image:
              tag: "1.81.2"
        """,
        values(n8n, "staging"));
    assertTrue(r.out().contains("  n8n-worker: 1.80.0 → 1.81.2\n"), r.out());
  }

  @Test
  void allPromotesEveryServiceThatHasTheStage() throws IOException {
    Run r = run("promote", "--all", "kubernetes", "--to", "staging");
    assertEquals(0, r.exit(), r.err());
    assertTrue(values(abs, "staging").contains("tag: \"2.18.0\""));
    assertEquals("image:\n  tag: \"1.81.0\"\n", values(n8n, "staging"));
    // canary: only audiobookshelf has it, and it already runs staging's version.
    Run canary = run("promote", "--all", "kubernetes", "--to", "canary", "--dry-run");
    assertEquals(0, canary.exit());
    assertTrue(canary.out().contains("audiobookshelf: 2.17.7 → 2.18.0"), canary.out());
    assertTrue(!canary.out().contains("n8n"), canary.out());
  }

  @Test
  void allWritesNothingWhenOneServiceIsRefused() throws IOException {
    // A third service whose staging overlay does not build: its refusal stops every write.
    Path broken = repo.resolve("services/broken");
    Files.createDirectories(broken.resolve("environments/dev"));
    Files.createDirectories(broken.resolve("environments/staging"));
    Files.writeString(
        broken.resolve("service.yaml"),
        """
        apiVersion: platform.stonegarden.dev/v1alpha1
        kind: Service
        metadata: {name: broken}
        spec:
          owner: {team: platform}
          environments:
            - {name: dev, namespace: broken-dev}
            - {name: staging, namespace: broken-staging}
        """);
    Files.writeString(
        broken.resolve("environments/dev/kustomization.yaml"),
        "resources: [../../../n8n/environments/base]\n");
    Files.writeString(
        broken.resolve("environments/staging/kustomization.yaml"), "resources: [missing.yaml]\n");
    Map<String, String> before = snapshot();
    Run r = run("promote", "--all", "kubernetes", "--to", "staging");
    assertEquals(3, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("missing.yaml"), r.err());
    assertTrue(
        r.err()
            .contains(
                "error: nothing was written: every service must promote cleanly for --all to"
                    + " write"),
        r.err());
    assertEquals(before, snapshot());
  }

  @Test
  void revisionPutsBackWhatTheStageRanThen() throws IOException, InterruptedException {
    Assumptions.assumeTrue(git("init", "-q"), "git is not installed");
    assertTrue(git("add", "-A"));
    assertTrue(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one"));
    String original = values(abs, "staging");
    assertEquals(0, run("promote", "kubernetes/services/audiobookshelf", "--to", "staging").exit());
    assertTrue(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "two"));
    // Rolling staging back is no stage skip: it puts back what staging ran one commit ago.
    Run r =
        run(
            "promote",
            "kubernetes/services/audiobookshelf",
            "--to",
            "staging",
            "--revision",
            "HEAD~1");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        """
        kubernetes/services/audiobookshelf/environments/staging/values.yaml \
        (audiobookshelf: revision HEAD~1 → staging)
          audiobookshelf: 2.18.0 → 2.17.7
        """,
        r.out());
    assertEquals(original, values(abs, "staging"));
    Run bad =
        run(
            "promote",
            "kubernetes/services/audiobookshelf",
            "--to",
            "staging",
            "--revision",
            "nope");
    assertEquals(3, bad.exit());
    assertTrue(bad.err().contains("is nope a revision?"), bad.err());
  }

  private boolean git(String... args) throws InterruptedException {
    try {
      List<String> command = new java.util.ArrayList<>(List.of("git", "-C", tmp.toString()));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
